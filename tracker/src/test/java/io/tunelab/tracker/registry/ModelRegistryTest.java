package io.tunelab.tracker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.storage.StorageException;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.TestTrackers;
import io.tunelab.tracker.setup.Tracker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelRegistryTest {
    @TempDir
    Path tmp;
    Tracker tracker;
    ModelRegistry registry;
    TrialStorage storage;

    @BeforeEach
    void open() {
        tracker = TestTrackers.open(tmp.resolve("t"));
        registry = tracker.registry();
        storage = tracker.storage();
    }

    @AfterEach
    void close() {
        tracker.close();
    }

    /** A COMPLETE trial with two parameters, two metric series and a model artifact. */
    private FrozenTrial trainedTrial(double accuracy) throws Exception {
        long study = storage.findStudy("fashion").orElseGet(() -> storage.createStudy("fashion",
                List.of(Direction.MAXIMIZE))).id();
        FrozenTrial t = storage.createRunningTrial(study);
        storage.setParam(t.id(), "lr", 0.01, FloatDistribution.logUniform(1e-4, 1e-1));
        storage.setParam(t.id(), "optimizer", "adam", CategoricalDistribution.of("sgd", "adam"));
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        storage.logMetrics(t.id(), List.of(new MetricPoint("val_accuracy", 0, accuracy - 0.1, now),
                new MetricPoint("val_accuracy", 1, accuracy, now), new MetricPoint("loss", 1, 0.4, now)));
        Path model = tmp.resolve("model-" + t.number() + ".params");
        Files.writeString(model, "weights of trial " + t.number());
        storage.storeArtifact(t.id(), "model.params", model);
        storage.flush();
        storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(accuracy), null);
        return storage.trial(t.id());
    }

    private static void assertKind(StorageException.Kind kind, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @Test
    void aVersionCopiesItsTrialsArtifactParametersValuesAndMetrics() throws Exception {
        FrozenTrial trial = trainedTrial(0.86);
        registry.createModel("fashion-mlp", "MLP on Fashion-MNIST");
        ModelVersion v = registry.createVersion("fashion-mlp", trial.id(), "model.params", "first good one", "alice");
        assertThat(v.version()).isEqualTo(1);
        assertThat(v.source().study()).isEqualTo("fashion");
        assertThat(v.source().trialNumber()).isEqualTo(trial.number());
        assertThat(v.source().artifact()).isEqualTo(storage.artifacts(trial.id()).get(0));
        assertThat(v.params()).containsExactly(Map.entry("lr", 0.01), Map.entry("optimizer", "adam"));
        assertThat(v.values()).containsExactly(0.86);
        assertThat(v.metrics().get("val_accuracy")).isEqualTo(new VersionMetric(2, 1, 0.86, 0.76, 0.86));
        assertThat(v.metrics()).containsOnlyKeys("val_accuracy", "loss");
        assertThat(v.createdBy()).isEqualTo("alice");
        assertThat(v.archived()).isFalse();
        assertThat(registry.model("fashion-mlp").latestVersion()).isEqualTo(1);
    }

    @Test
    void versionsAreNumberedOneTwoThreePerModel() throws Exception {
        registry.createModel("a", null);
        registry.createModel("b", null);
        FrozenTrial t = trainedTrial(0.8);
        registry.createVersion("a", t.id(), null, null, "ci");
        registry.createVersion("a", t.id(), null, null, "ci");
        registry.createVersion("b", t.id(), "model.params", null, "ci");
        assertThat(registry.versions("a")).extracting(ModelVersion::version).containsExactly(1, 2);
        assertThat(registry.versions("b")).extracting(ModelVersion::version).containsExactly(1);
        assertThat(registry.versions("a").get(0).source().artifact()).isNull();
    }

    @Test
    void everyAliasMoveIsRecordedWithWhoWhyAndEvidence() throws Exception {
        registry.createModel("m", null);
        FrozenTrial t1 = trainedTrial(0.80);
        FrozenTrial t2 = trainedTrial(0.86);
        registry.createVersion("m", t1.id(), "model.params", null, "ci");
        registry.createVersion("m", t2.id(), "model.params", null, "ci");
        registry.setAlias("m", "production", 1, Change.by("alice", "first release"));
        registry.setAlias("m", "staging", 2, Change.by("ci", "candidate"));
        AliasMove promoted = registry.setAlias("m", "production", 2, new Change("bob", "ws-42", "better accuracy",
                Map.of("gate", "pass", "p_value", 0.003)));
        assertThat(promoted.fromVersion()).isEqualTo(1);
        assertThat(promoted.toVersion()).isEqualTo(2);
        assertThat(registry.model("m").aliases()).containsEntry("production", 2).containsEntry("staging", 2);
        assertThat(registry.resolve("m", "production")).map(ModelVersion::version).contains(2);
        assertThat(registry.version("m", 2).aliases()).containsExactly("production", "staging");

        List<AliasMove> production = registry.aliasHistory("m", "production");
        assertThat(production).extracting(AliasMove::fromVersion, AliasMove::toVersion)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, 1), org.assertj.core.groups.Tuple.tuple(1, 2));
        AliasMove last = production.get(1);
        assertThat(last.actor()).isEqualTo("bob");
        assertThat(last.host()).isEqualTo("ws-42");
        assertThat(last.reason()).isEqualTo("better accuracy");
        assertThat(last.evidence()).containsEntry("gate", "pass").containsEntry("p_value", 0.003);
        assertThat(last.when()).isNotNull();
        assertThat(registry.aliasHistory("m")).hasSize(3);
        assertThat(registry.aliasMovesAfter("m", production.get(0).id())).hasSize(2);

        AliasMove removed = registry.removeAlias("m", "staging", Change.by("ci", "candidate promoted"));
        assertThat(removed.fromVersion()).isEqualTo(2);
        assertThat(removed.toVersion()).isNull();
        assertThat(registry.resolve("m", "staging")).isEmpty();
    }

    @Test
    void pointingAnAliasWhereItAlreadyPointsRecordsNothing() throws Exception {
        registry.createModel("m", null);
        registry.createVersion("m", trainedTrial(0.8).id(), null, null, "ci");
        AliasMove first = registry.setAlias("m", "production", 1, Change.by("a", "go"));
        assertThat(registry.setAlias("m", "production", 1, Change.by("a", "again"))).isEqualTo(first);
        assertThat(registry.aliasHistory("m")).hasSize(1);
    }

    @Test
    void aRefusedMoveIsRecordedWithItsEvidenceAndLeavesTheAliasAndTheVersionsAsTheyWere() throws Exception {
        registry.createModel("m", null);
        registry.createVersion("m", trainedTrial(0.8).id(), null, null, "ci");
        AliasMove moved = registry.setAlias("m", "production", 1, Change.by("a", "go"));

        AliasMove refusal = registry.recordRefusal("m", "production", Change.by("ci", "refused by the mcnemar gate")
                .withEvidence("p_value", 0.4));

        assertThat(refusal.refused()).isTrue();
        assertThat(moved.refused()).isFalse();
        assertThat(refusal.fromVersion()).isEqualTo(1);
        assertThat(refusal.toVersion()).isEqualTo(1);
        assertThat(refusal.evidence()).containsEntry("p_value", 0.4);
        assertThat(registry.aliasHistory("m")).containsExactly(moved, refusal);
        assertThat(registry.resolve("m", "production").orElseThrow().version()).isEqualTo(1);
        assertThat(registry.versions("m")).hasSize(1);
        assertThat(registry.setAlias("m", "production", 1, Change.by("a", "again"))).isEqualTo(moved);
        assertKind(StorageException.Kind.NOT_FOUND, () -> registry.recordRefusal("m", "staging", Change.by("ci", "no")));
    }

    @Test
    void archivedVersionsTakeNoAliasAndAliasedVersionsCannotBeArchived() throws Exception {
        registry.createModel("m", null);
        FrozenTrial t = trainedTrial(0.8);
        registry.createVersion("m", t.id(), null, null, "ci");
        registry.createVersion("m", t.id(), null, null, "ci");
        registry.setAlias("m", "production", 1, Change.by("a", "go"));
        assertKind(StorageException.Kind.CONFLICT, () -> registry.archive("m", 1));
        registry.archive("m", 2);
        assertThat(registry.version("m", 2).archived()).isTrue();
        assertKind(StorageException.Kind.CONFLICT, () -> registry.setAlias("m", "production", 2, Change.by("a", "go")));
        registry.unarchive("m", 2);
        registry.setAlias("m", "production", 2, Change.by("a", "go"));
        assertThat(registry.model("m").aliases()).containsEntry("production", 2);
    }

    @Test
    void tagsAndDescriptionsAreKeptOnModelsAndVersions() throws Exception {
        registry.createModel("m", "old");
        registry.describeModel("m", "new description");
        registry.setModelTag("m", "team", "vision");
        registry.createVersion("m", trainedTrial(0.8).id(), null, null, "ci");
        registry.setVersionTag("m", 1, "dataset", "fashion-mnist");
        registry.describeVersion("m", 1, "baseline");
        RegisteredModel model = registry.model("m");
        assertThat(model.description()).isEqualTo("new description");
        assertThat(model.tags()).containsExactly(Map.entry("team", "vision"));
        assertThat(registry.version("m", 1).tags()).containsExactly(Map.entry("dataset", "fashion-mnist"));
        assertThat(registry.version("m", 1).description()).isEqualTo("baseline");
        registry.setModelTag("m", "team", null);
        assertThat(registry.model("m").tags()).isEmpty();
        assertThat(registry.models()).extracting(RegisteredModel::name).containsExactly("m");
    }

    @Test
    void badRequestsAreRefusedWithTheRightKind() throws Exception {
        registry.createModel("m", null);
        FrozenTrial done = trainedTrial(0.8);
        long study = storage.findStudy("fashion").orElseThrow().id();
        FrozenTrial running = storage.createRunningTrial(study);
        assertKind(StorageException.Kind.CONFLICT, () -> registry.createModel("m", null));
        assertKind(StorageException.Kind.NOT_FOUND, () -> registry.model("absent"));
        assertKind(StorageException.Kind.NOT_FOUND, () -> registry.createVersion("absent", done.id(), null, null, "a"));
        assertKind(StorageException.Kind.CONFLICT, () -> registry.createVersion("m", running.id(), null, null, "a"));
        assertKind(StorageException.Kind.NOT_FOUND, () -> registry.createVersion("m", done.id(), "nope.bin", null, "a"));
        assertKind(StorageException.Kind.NOT_FOUND, () -> registry.setAlias("m", "production", 7, Change.by("a", "go")));
        assertKind(StorageException.Kind.INVALID, () -> registry.setAlias("m", "1bad", 1, Change.by("a", "go")));
        assertKind(StorageException.Kind.INVALID, () -> Change.by("a", " "));
        assertKind(StorageException.Kind.NOT_FOUND, () -> registry.removeAlias("m", "production", Change.by("a", "go")));
        assertThat(registry.model("m").latestVersion()).isZero();
    }

    @Test
    void concurrentAliasMovesFormOneUnbrokenChainInTheAuditTrail() throws Exception {
        registry.createModel("m", null);
        FrozenTrial t = trainedTrial(0.8);
        registry.createVersion("m", t.id(), null, null, "ci");
        registry.createVersion("m", t.id(), null, null, "ci");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> futures = new ArrayList<>();
        for (int v = 1; v <= 2; v++) {
            int version = v;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    registry.setAlias("m", "production", version, Change.by("worker-" + version, "flip " + i));
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
        List<AliasMove> moves = registry.aliasHistory("m", "production");
        assertThat(moves.get(0).fromVersion()).isNull();
        for (int i = 1; i < moves.size(); i++) {
            assertThat(moves.get(i).fromVersion()).isEqualTo(moves.get(i - 1).toVersion());
        }
        assertThat(registry.model("m").aliases().get("production")).isEqualTo(moves.get(moves.size() - 1).toVersion());
    }

    @Test
    void aMistypedModelNameIsNotFoundWithTheClosestRegisteredNameWhereverItIsLookedUp() {
        registry.createModel("qa-model", null);
        registry.createModel("fraud", null);

        for (org.assertj.core.api.ThrowableAssert.ThrowingCallable lookup : List.<org.assertj.core.api.ThrowableAssert
                .ThrowingCallable>of(() -> registry.model("qa-modle"), () -> registry.versions("qa-modle"),
                () -> registry.resolve("qa-modle", "production"), () -> registry.version("qa-modle", 1),
                () -> registry.setAlias("qa-modle", "production", 1, Change.by("a", "go")))) {
            assertThatThrownBy(lookup).hasMessage("no registered model named 'qa-modle' (did you mean 'qa-model'?);"
                    + " `tunelab models` lists the registered models");
        }
        assertThatThrownBy(() -> registry.model("zzz")).hasMessage("no registered model named 'zzz'; `tunelab models`"
                + " lists the registered models");
    }
}
