package io.tunelab.cli;

import static io.tunelab.cli.CliInvocation.tunelab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import io.tunelab.cli.registry.PromoteCommand;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.registry.AliasMove;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code tunelab promote} writes nothing unless it promotes: bad input and a gate that says no register no version. */
@Timeout(180)
class PromoteCommandTest {
    @TempDir
    static Path dir;
    static String storage;
    static int worst;
    static int best;

    @BeforeAll
    static void twoStudies() throws Exception {
        storage = dir.resolve("tracker").toString();
        Path classes = dir.resolve("c.yaml");
        Files.writeString(classes, """
                study: classes
                direction: maximize
                metric: accuracy
                sampler: {type: grid, seed: 3}
                budget: {trials: 4}
                trainer: tribuo-cart
                data: {dataset: synthetic-classification, samples: 600, classes: 3, seed: 5}
                space:
                  max_depth: {int: [1, 7], step: 2}
                """);
        assertThat(tunelab("run", classes.toString(), "--storage", storage).code()).isZero();
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(Path.of(storage)))) {
            List<FrozenTrial> byValue = tracker.storage().trials(tracker.storage().findStudy("classes").orElseThrow().id(),
                    EnumSet.of(TrialState.COMPLETE)).stream().sorted(Comparator.comparingDouble(FrozenTrial::value)).toList();
            worst = byValue.get(0).number();
            best = byValue.get(byValue.size() - 1).number();
        }
        Path values = dir.resolve("r.yaml");
        Files.writeString(values, """
                study: values
                direction: minimize
                metric: rmse
                budget: {trials: 1}
                trainer: tribuo-cart
                data: {dataset: synthetic-regression, samples: 300, seed: 5}
                space:
                  max_depth: {int: [3, 3]}
                """);
        assertThat(tunelab("run", values.toString(), "--storage", storage).code()).isZero();
    }

    private static int versions(String model) {
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(Path.of(storage)))) {
            return tracker.registry().findModel(model).isEmpty() ? 0 : tracker.registry().versions(model).size();
        }
    }

    private static CliInvocation.Result promote(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("promote"));
        all.addAll(List.of(args));
        all.addAll(List.of("--storage", storage));
        return tunelab(all.toArray(String[]::new));
    }

    @Test
    void anInvalidAliasIsRefusedBeforeAnythingIsRegistered() {
        CliInvocation.Result r = promote("classes", "--model", "bad-alias", "--alias", "1st");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("alias must start with a letter").contains("got '1st'");
        assertThat(versions("bad-alias")).isZero();
    }

    @Test
    void aGateThatKeepsTheHolderRegistersNothingAndExitsThree() {
        assertThat(promote("classes", "--trial", String.valueOf(best), "--model", "kept").code()).isZero();

        CliInvocation.Result r = promote("classes", "--trial", String.valueOf(worst), "--model", "kept", "--gate", "mcnemar");

        assertThat(r.code()).isEqualTo(PromoteCommand.GATE_KEPT);
        assertThat(r.out()).contains("not significantly better").contains("stays at v1; nothing was registered")
                .doesNotContain("Registered");
        assertThat(versions("kept")).isEqualTo(1);
    }

    @Test
    void aRefusedPromotionIsRecordedInTheHistoryWithTheCandidateAndTheVerdictButMovesNothing() {
        assertThat(promote("classes", "--trial", String.valueOf(best), "--model", "refused").code()).isZero();

        CliInvocation.Result r = promote("classes", "--trial", String.valueOf(worst), "--model", "refused", "--gate",
                "mcnemar");

        assertThat(r.code()).isEqualTo(PromoteCommand.GATE_KEPT);
        assertThat(r.out()).contains("tunelab models refused --history");
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(Path.of(storage)))) {
            assertThat(tracker.registry().versions("refused")).hasSize(1);
            assertThat(tracker.registry().resolve("refused", "production").orElseThrow().version()).isEqualTo(1);
            List<AliasMove> history = tracker.registry().aliasHistory("refused");
            assertThat(history).hasSize(2);
            AliasMove refusal = history.get(1);
            assertThat(refusal.refused()).isTrue();
            assertThat(refusal.alias()).isEqualTo("production");
            assertThat(refusal.fromVersion()).isEqualTo(1);
            assertThat(refusal.toVersion()).isEqualTo(1);
            assertThat(refusal.reason()).startsWith("refused by the mcnemar gate: trial " + worst + " of study 'classes'");
            assertThat(refusal.evidence()).containsEntry("study", "classes").containsEntry("trial", worst)
                    .containsEntry("outcome", "refused").containsKey("test_rows");
            assertThat(refusal.evidence().get("gate")).asInstanceOf(MAP).containsEntry("promote", false)
                    .containsKeys("p_value", "challenger_score", "champion_score");
        }
        CliInvocation.Result shown = tunelab("models", "refused", "--history", "--storage", storage);
        assertThat(shown.code()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("refused by the mcnemar gate").contains("p_value");
        assertThat(shown.out().lines().filter(l -> l.contains("refused by")).findFirst().orElseThrow())
                .contains("v1").contains("refused");
    }

    @Test
    void aForcedPromotionIsRecordedAsForcedPastTheGate() {
        assertThat(promote("classes", "--trial", String.valueOf(best), "--model", "forced").code()).isZero();

        CliInvocation.Result r = promote("classes", "--trial", String.valueOf(worst), "--model", "forced", "--gate", "mcnemar",
                "--force");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("now points at v2 (was v1) (forced)");
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(Path.of(storage)))) {
            AliasMove move = tracker.registry().aliasHistory("forced").stream().filter(m -> m.toVersion() == 2)
                    .findFirst().orElseThrow();
            assertThat(move.reason()).isEqualTo("forced past the mcnemar gate");
            assertThat(move.evidence()).containsEntry("forced", true);
        }
    }

    @Test
    void aGateThatDoesNotFitTheModelsIsInvalidInputAndRegistersNothing() {
        assertThat(promote("values", "--model", "reg").code()).isZero();

        CliInvocation.Result r = promote("values", "--model", "reg", "--gate", "mcnemar");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--gate mcnemar: cannot compare").contains("McNemar needs 0/1 scores")
                .contains("nothing was registered");
        assertThat(versions("reg")).isEqualTo(1);
    }

    @Test
    void gateOptionsWithoutAGateAreRefusedRatherThanIgnored() {
        CliInvocation.Result confidence = promote("classes", "--model", "opts", "--confidence", "0.99");
        CliInvocation.Result force = promote("classes", "--model", "opts", "--force");

        assertThat(confidence.code()).isEqualTo(2);
        assertThat(confidence.err()).contains("--confidence applies to a gate, and no --gate was given");
        assertThat(force.code()).isEqualTo(2);
        assertThat(force.err()).contains("--force applies to a gate");
        assertThat(versions("opts")).isZero();
    }

    @Test
    void aModelOfOtherInputsIsRefusedUnderAnAliasWhoseServerItWouldBreak() {
        assertThat(promote("classes", "--trial", String.valueOf(best), "--model", "shape").code()).isZero();

        CliInvocation.Result r = promote("values", "--model", "shape");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("but shape@production (v1) takes the columns [x0,")
                .contains("Register it under another --model name; nothing was registered");
        assertThat(versions("shape")).isEqualTo(1);
        CliInvocation.Result newAlias = promote("values", "--model", "shape", "--alias", "staging");
        assertThat(newAlias.code()).isEqualTo(2);
        assertThat(newAlias.err()).contains("but shape v1, its latest version, takes the columns [x0,");
        assertThat(versions("shape")).isEqualTo(1);
    }

    @Test
    void aModelFileChangedSinceItWasLoggedIsRefusedBeforeItIsRegistered() throws Exception {
        Path copy = dir.resolve("broken");
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(Path.of(storage)))) {
            long study = tracker.storage().findStudy("classes").orElseThrow().id();
            FrozenTrial t = tracker.storage().trialByNumber(study, worst);
            Path file = tracker.artifacts().resolve(tracker.storage().artifacts(t.id()).stream()
                    .filter(a -> a.name().equals("model.tribuo")).findFirst().orElseThrow());
            Files.copy(file, copy);
            Files.writeString(file, "not a model");
        }
        try {
            CliInvocation.Result r = promote("classes", "--trial", String.valueOf(worst), "--model", "broken");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("has changed since it was logged: checksum mismatch: expected sha256")
                    .doesNotContain("\tat ");
            assertThat(versions("broken")).isZero();
        } finally {
            try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(Path.of(storage)))) {
                long study = tracker.storage().findStudy("classes").orElseThrow().id();
                FrozenTrial t = tracker.storage().trialByNumber(study, worst);
                Files.copy(copy, tracker.artifacts().resolve(tracker.storage().artifacts(t.id()).stream()
                        .filter(a -> a.name().equals("model.tribuo")).findFirst().orElseThrow()),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
