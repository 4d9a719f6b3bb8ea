package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.storage.StorageException;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.TextSummary;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.TestTrackers;
import io.tunelab.tracker.query.DeletedStudy;
import io.tunelab.tracker.query.StudySummary;
import io.tunelab.tracker.setup.Tracker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Tracker.deleteStudy}: everything of the study goes, nothing of another, and what may not go is refused. */
class StudyDeletionTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path tmp;
    Tracker tracker;
    TrialStorage storage;

    @BeforeEach
    void open() {
        tracker = TestTrackers.open(tmp.resolve("t"));
        storage = tracker.storage();
    }

    @AfterEach
    void close() {
        tracker.close();
    }

    /** A COMPLETE trial of {@code study} with a parameter, a series, a text summary, an attribute and an artifact. */
    private FrozenTrial trial(String study) throws Exception {
        long id = storage.findStudy(study).orElseGet(() -> storage.createStudy(study, List.of(Direction.MAXIMIZE))).id();
        FrozenTrial t = storage.createRunningTrial(id);
        storage.setParam(t.id(), "lr", 0.01, FloatDistribution.logUniform(1e-4, 1e-1));
        storage.setIntermediateValue(t.id(), 0, 0.5);
        storage.setUserAttr(t.id(), "epochs_run", 2);
        storage.logMetrics(t.id(), List.of(new MetricPoint("val_accuracy", 0, 0.5, T0), new MetricPoint("val_accuracy", 1, 0.6, T0)));
        storage.logSummaries(t.id(), List.of(new LoggedSummary("notes", 1, T0, new TextSummary("hi"))));
        Path model = tmp.resolve(study + "-" + t.number() + ".params");
        Files.writeString(model, "weights");
        storage.storeArtifact(t.id(), "model.params", model);
        storage.flush();
        storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(0.6), null);
        return storage.trial(t.id());
    }

    private Path artifactFile(FrozenTrial t) {
        return tracker.artifacts().resolve(storage.artifacts(t.id()).get(0));
    }

    @Test
    void deletingAStudyRemovesItsTrialsSeriesSummariesAndArtifactFilesAndLeavesOtherStudiesAlone() throws Exception {
        FrozenTrial gone = trial("gone");
        trial("gone");
        FrozenTrial kept = trial("kept");
        Path goneFile = artifactFile(gone);
        Path keptFile = artifactFile(kept);
        assertThat(goneFile).exists();

        DeletedStudy deleted = tracker.deleteStudy("gone");

        assertThat(deleted).isEqualTo(new DeletedStudy("gone", 2, 2));
        assertThat(storage.findStudy("gone")).isEmpty();
        assertThat(tracker.queries().studies()).extracting(StudySummary::name).containsExactly("kept");
        assertThatThrownBy(() -> storage.trial(gone.id())).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.NOT_FOUND));
        assertThat(goneFile).doesNotExist();
        assertThat(goneFile.getParent().getParent()).doesNotExist();
        assertThat(keptFile).exists();
        assertThat(storage.metrics(kept.id(), "val_accuracy")).hasSize(2);
        assertThat(storage.summaryTags(kept.id())).hasSize(1);
        assertThat(storage.trials(storage.findStudy("kept").orElseThrow().id(), EnumSet.allOf(TrialState.class))).hasSize(1);
        // the name is free again, for a study that starts empty
        long again = storage.createStudy("gone", List.of(Direction.MINIMIZE)).id();
        assertThat(storage.trials(again, EnumSet.allOf(TrialState.class))).isEmpty();
    }

    @Test
    void aStudyAModelVersionWasRegisteredFromIsRefusedNamingTheVersionAndKept() throws Exception {
        FrozenTrial t = trial("fashion");
        trial("fashion");
        tracker.registry().createModel("fashion-mlp", "");
        tracker.registry().createVersion("fashion-mlp", t.id(), "model.params", "", "alice");

        assertThatThrownBy(() -> tracker.deleteStudy("fashion")).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.CONFLICT))
                .hasMessageContaining("study 'fashion' cannot be deleted").hasMessageContaining("model 'fashion-mlp' v1 (trial 0)");
        assertThat(storage.trials(storage.findStudy("fashion").orElseThrow().id(), EnumSet.allOf(TrialState.class))).hasSize(2);
        assertThat(artifactFile(t)).exists();
        assertThat(storage.metrics(t.id(), "val_accuracy")).hasSize(2);
    }

    @Test
    void aMissingStudyIsNotFoundNamingIt() {
        assertThatThrownBy(() -> tracker.deleteStudy("nope")).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.NOT_FOUND)).hasMessageContaining("no study named 'nope'");
    }
}
