package io.tunelab.tracker.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.tunelab.search.storage.StorageException;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.TestTrackers;
import io.tunelab.tracker.setup.Tracker;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deleting a version or a whole model is recorded in the audit trail, which outlives the model under its name. */
class DeletionAuditTest {
    @TempDir
    Path tmp;
    Tracker tracker;
    ModelRegistry registry;

    @BeforeEach
    void aModelWithTwoVersionsAndAnAlias() {
        tracker = TestTrackers.open(tmp.resolve("t"));
        registry = tracker.registry();
        TrialStorage storage = tracker.storage();
        long study = storage.createStudy("s", List.of(Direction.MAXIMIZE)).id();
        FrozenTrial t = storage.createRunningTrial(study);
        storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(0.9), null);
        registry.createModel("m", null);
        registry.createVersion("m", t.id(), null, null, "ci");
        registry.createVersion("m", t.id(), null, null, "ci");
        registry.setAlias("m", "production", 2, Change.by("ci", "release"));
    }

    @AfterEach
    void close() {
        tracker.close();
    }

    @Test
    void deletingAnUnaliasedVersionIsRecordedWithWhoAndWhy() {
        List<AliasMove> recorded = registry.deleteVersion("m", 1, Change.by("ana", "obsolete"));

        assertThat(recorded).singleElement().satisfies(d -> {
            assertThat(d.versionDeleted()).isTrue();
            assertThat(d.subject()).isEqualTo("(version deleted)");
            assertThat(d.fromVersion()).isEqualTo(1);
            assertThat(d.actor()).isEqualTo("ana");
            assertThat(d.reason()).isEqualTo("obsolete");
        });
        assertThat(registry.aliasHistory("m")).last().isEqualTo(recorded.get(0));
    }

    @Test
    void deletingAWholeModelRecordsItsAliasesVersionsAndItselfAndTheTrailStays() {
        List<AliasMove> recorded = registry.deleteModel("m", Change.by("ana", "retired"));

        List<AliasMove> trail = registry.aliasHistory("m");
        assertThat(trail).endsWith(recorded.toArray(AliasMove[]::new));
        assertThat(recorded).extracting(AliasMove::subject, AliasMove::fromVersion, AliasMove::toVersion).containsExactly(
                tuple("(version deleted)", 1, null), tuple("production", 2, null), tuple("(version deleted)", 2, null),
                tuple("(model deleted)", null, null));
        assertThat(trail).first().extracting(AliasMove::reason).isEqualTo("release");
        assertThat(registry.findModel("m")).isEmpty();
    }

    @Test
    void aModelCreatedAgainUnderTheNameShowsTheDeletedOnesTrailFirst() {
        registry.deleteModel("m", Change.by("ana", "retired"));
        registry.createModel("m", null);

        assertThat(registry.aliasHistory("m")).last().satisfies(d -> assertThat(d.modelDeleted()).isTrue());
        assertThat(registry.versions("m")).isEmpty();
    }

    @Test
    void aNameWithNeitherAModelNorATrailIsNotFound() {
        assertThatThrownBy(() -> registry.aliasHistory("nobody")).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.NOT_FOUND)).hasMessageContaining("'nobody'");
    }
}
