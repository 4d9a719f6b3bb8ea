package io.tunelab.trainers.djl.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.pruner.PruneDecision;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.Objective;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.ForwardingTrial;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.trainers.callback.Monitor;
import io.tunelab.trainers.sources.TrainingData;
import io.tunelab.trainers.testing.RegressionCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trial's resumable checkpoint ({@code checkpoint_every}) serves only a retry: a trial that completes or is pruned
 * removes it, file and artifact record, beside the best parameters it keeps; a failed one keeps it for its retry.
 */
@Timeout(300)
class ResumeCheckpointCleanupTest {
    private static final Map<String, Object> FIXED = Map.of("epochs", 3, "batch_size", 16, "n_hidden", 1, "n_neurons", 4,
            "optimizer", "sgd", "learning_rate", 0.05);

    @TempDir
    Path dir;
    private TrainingData data;

    @BeforeEach
    void smallRegression() throws IOException {
        data = RegressionCsv.load(dir.resolve("line.csv"), "a,y", 3, 80, 0.2, random -> {
            double a = random.nextDouble(-1, 1);
            return new double[] {a, 2 * a + 0.1 * random.nextGaussian()};
        });
    }

    private FrozenTrial run(Study study, Objective objective) {
        study.optimize(objective, OptimizeOptions.trials(1));
        return study.trials(EnumSet.allOf(TrialState.class)).get(0);
    }

    private static DjlObjective objective(TrainingData data) {
        return new DjlObjective(data, DjlObjectiveConfig.mlp(Map.of(), FIXED).withMonitor(Monitor.of("val_rmse"))
                .withCheckpointEvery(1));
    }

    private static Study study(InMemoryStorage storage) {
        return Study.builder("cleanup").storage(storage).direction(Direction.MINIMIZE).seed(1).create();
    }

    private static List<String> names(InMemoryStorage storage, FrozenTrial t) {
        return storage.artifacts(t.id()).stream().map(ArtifactRef::name).toList();
    }

    private static boolean anyCheckpointFile(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            return files.anyMatch(f -> f.getFileName().toString().equals(ResumeCheckpoints.ARTIFACT));
        }
    }

    @Test
    void aCompletedTrialKeepsItsBestParametersButNotItsResumeCheckpoint() throws IOException {
        InMemoryStorage storage = new InMemoryStorage(dir.resolve("artifacts"));

        FrozenTrial t = run(study(storage), objective(data));

        assertThat(t.state()).as(t.message()).isEqualTo(TrialState.COMPLETE);
        assertThat(names(storage, t)).isNotEmpty().doesNotContain(ResumeCheckpoints.ARTIFACT);
        assertThat(anyCheckpointFile(dir.resolve("artifacts"))).as("the checkpoint's file is deleted too").isFalse();
    }

    @Test
    void aPrunedTrialRemovesItsResumeCheckpoint() throws IOException {
        InMemoryStorage storage = new InMemoryStorage(dir.resolve("artifacts"));
        Study study = Study.builder("cleanup").storage(storage).direction(Direction.MINIMIZE).seed(1)
                .pruner((s, trial) -> trial.intermediateValues().size() >= 2 ? PruneDecision.prune(2, 0, 0, "test")
                        : PruneDecision.keep("test"))
                .create();

        FrozenTrial t = run(study, objective(data));

        assertThat(t.state()).as(t.message()).isEqualTo(TrialState.PRUNED);
        assertThat(names(storage, t)).doesNotContain(ResumeCheckpoints.ARTIFACT);
        assertThat(anyCheckpointFile(dir.resolve("artifacts"))).isFalse();
    }

    @Test
    void aFailedTrialKeepsItsResumeCheckpointForItsRetry() throws IOException {
        InMemoryStorage storage = new InMemoryStorage(dir.resolve("artifacts"));
        DjlObjective djl = objective(data);
        Objective failingAfterTraining = trial -> djl.evaluate(new ForwardingTrial(trial) {
            @Override
            public void setUserAttr(String key, Object value) {
                if (key.equals("epochs_run")) {
                    throw new IllegalStateException("the machine fell over");
                }
                super.setUserAttr(key, value);
            }
        });

        FrozenTrial t = run(study(storage), failingAfterTraining);

        assertThat(t.state()).isEqualTo(TrialState.FAIL);
        assertThat(names(storage, t)).contains(ResumeCheckpoints.ARTIFACT);
        assertThat(anyCheckpointFile(dir.resolve("artifacts"))).isTrue();
    }
}
