package io.tunelab.search.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.ForwardingTrial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetriedArtifactsTest {
    @TempDir
    Path dir;

    /** Enqueues a retry of trial {@code number} as the storages and the CLI do: with the system attribute retry_of. */
    private static void retry(Study study, int number) {
        study.storage().createWaitingTrial(study.studyId(), Map.of(), Map.of(TrialStorage.RETRY_OF, number));
    }

    @Test
    void aRetryFindsTheArtifactsOfTheTrialsItRetriesNearestFirstAndAFirstAttemptFindsNone() throws Exception {
        Study study = Study.builder("retries").storage(new InMemoryStorage()).direction(Direction.MINIMIZE).seed(1).create();
        Path file = Files.writeString(dir.resolve("ckpt"), "epoch 5");
        AtomicReference<List<ArtifactRef>> seen = new AtomicReference<>();
        study.optimize(trial -> {
            seen.set(trial.retriedArtifacts("resume.ckpt"));
            trial.logArtifact("resume.ckpt", file);
            trial.logArtifact("other", file);
            throw new IllegalStateException("worker died");
        }, OptimizeOptions.trials(1));
        assertThat(seen.get()).isEmpty();

        retry(study, 0);
        study.optimize(trial -> {
            seen.set(trial.retriedArtifacts("resume.ckpt"));
            throw new IllegalStateException("died before its first checkpoint");
        }, OptimizeOptions.trials(1));
        assertThat(seen.get()).hasSize(1).allSatisfy(a -> assertThat(Path.of(a.uri())).hasContent("epoch 5"));

        retry(study, 1);
        study.optimize(trial -> {
            seen.set(trial.retriedArtifacts("resume.ckpt"));
            return 0;
        }, OptimizeOptions.trials(1));
        assertThat(seen.get()).as("trial 1 left none: trial 0's").hasSize(1)
                .allSatisfy(a -> assertThat(a.name()).isEqualTo("resume.ckpt"));
    }

    @Test
    void aDecoratedRetryStillFindsThem() throws Exception {
        Study study = Study.builder("decorated").storage(new InMemoryStorage()).direction(Direction.MINIMIZE).seed(1).create();
        Path file = Files.writeString(dir.resolve("ckpt"), "epoch 3");
        study.optimize(trial -> {
            trial.logArtifact("resume.ckpt", file);
            throw new IllegalStateException("worker died");
        }, OptimizeOptions.trials(1));
        retry(study, 0);
        AtomicReference<List<ArtifactRef>> seen = new AtomicReference<>();
        study.optimize(trial -> {
            seen.set(new ForwardingTrial(trial) { }.retriedArtifacts("resume.ckpt"));
            return 0;
        }, OptimizeOptions.trials(1));
        assertThat(seen.get()).hasSize(1).allSatisfy(a -> assertThat(Path.of(a.uri())).hasContent("epoch 3"));
    }
}
