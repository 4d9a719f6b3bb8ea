package io.tunelab.trainers.djl.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.testing.FashionMnistFixture;
import io.tunelab.trainers.testing.TestStudies;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DjlObjectiveIT {
    private static final DatasetSplits DATA = FashionMnistFixture.splits().limit(1000, 300, 200);

    private static Map<String, Object> fixed(Object... keyValues) {
        Map<String, Object> m = new HashMap<>(Map.of("epochs", 2, "batch_size", 50, "n_hidden", 1, "n_neurons", 32));
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Test
    void aSmallRandomSearchTrainsEveryTrialAndRecordsItsRun() {
        Map<String, Distribution> space = Map.of(
                "learning_rate", new FloatDistribution(1e-3, 1e-1, true, 0),
                "optimizer", new CategoricalDistribution(List.of("sgd", "adam", "rmsprop")),
                "dropout", FloatDistribution.uniform(0, 0.3));
        Map<String, Object> fixed = fixed();
        fixed.remove("n_neurons");
        fixed.put("n_neurons", 48);
        Study study = TestStudies.maximizing("search");

        study.optimize(new DjlObjective(DATA, DjlObjectiveConfig.mlp(space, fixed)), OptimizeOptions.trials(3));

        for (FrozenTrial t : study.trials(java.util.EnumSet.allOf(TrialState.class))) {
            assertThat(t.state()).as("trial %d: %s", t.number(), t.message()).isEqualTo(TrialState.COMPLETE);
            assertThat(t.value()).isBetween(0.3, 1.0);
            assertThat(t.params()).containsKeys("learning_rate", "optimizer", "dropout");
            assertThat(t.intermediateValues()).containsOnlyKeys(1, 2);
            assertThat(t.userAttrs()).containsEntry("epochs_run", 2).containsEntry("stop_reason", "completed")
                    .containsKeys("architecture", "dataset_fingerprint", "fixed_params", "device");
            @SuppressWarnings("unchecked")
            Map<String, Object> test = (Map<String, Object>) t.userAttrs().get("test_evaluation");
            assertThat(test).containsEntry("examples", 200).containsKeys("accuracy", "accuracy_interval");
            assertThat((double) test.get("accuracy")).isGreaterThan(0.3);
            List<MetricPoint> valAccuracy = study.storage().metrics(t.id(), "val_accuracy");
            assertThat(valAccuracy).extracting(MetricPoint::step).containsExactly(1L, 2L);
            assertThat(t.value()).isEqualTo(valAccuracy.stream().mapToDouble(MetricPoint::value).max().orElseThrow());
            assertThat(study.storage().artifacts(t.id())).extracting(ArtifactRef::name)
                    .containsExactly("best-0000.params", "best.architecture.json", "best.data.json", "MLmodel");
        }
    }

    @Test
    void aDivergingTrialFailsWithAMessageAndTheStudyGoesOn() {
        Study study = TestStudies.maximizing("diverge");
        DjlObjective objective = new DjlObjective(DATA, DjlObjectiveConfig.mlp(Map.of(),
                fixed("learning_rate", 1e4, "epochs", 1)).withCheckpoint(false));

        study.optimize(objective, OptimizeOptions.trials(2));

        List<FrozenTrial> trials = study.trials(java.util.EnumSet.allOf(TrialState.class));
        assertThat(trials).hasSize(2).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.FAIL);
            assertThat(t.message()).contains("training diverged").contains("learning rate 10000.0");
            // its curve ends with the diverged epoch, its exploded or NaN batch included, as a Keras fit stopped by
            // TerminateOnNaN: the first batches' loss is about 2.3
            assertThat(study.storage().metrics(t.id(), "loss")).last().satisfies(p -> {
                assertThat(p.step()).isEqualTo(1);
                assertThat(!Double.isFinite(p.value()) || p.value() > 1000).as("loss %s", p.value()).isTrue();
            });
        });
    }

    @Test
    void aPrunedTrialStopsAfterTheEpochThePrunerRejects() {
        Study study = TestStudies.maximizing("pruned", TestStudies.pruneAtStep(1));

        study.optimize(new DjlObjective(DATA, DjlObjectiveConfig.mlp(Map.of(), fixed("epochs", 3))), OptimizeOptions.trials(1));

        FrozenTrial t = TestStudies.trial(study, 0);
        assertThat(t.state()).isEqualTo(TrialState.PRUNED);
        assertThat(t.message()).isEqualTo("test pruner: stop at step 1");
        assertThat(study.storage().metrics(t.id(), "loss")).hasSize(1);
        assertThat(study.storage().artifacts(t.id())).extracting(ArtifactRef::name).contains("best-0000.params");
    }

    @Test
    void earlyStoppingEndsTheTrialBeforeItsPlannedEpochs() {
        Study study = TestStudies.maximizing("early");

        study.optimize(new DjlObjective(DATA, DjlObjectiveConfig.mlp(Map.of(),
                fixed("epochs", 5, "patience", 1, "min_delta", 0.5)).withCheckpoint(false)), OptimizeOptions.trials(1));

        FrozenTrial t = TestStudies.trial(study, 0);
        assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(t.userAttrs()).containsEntry("epochs_run", 2);
        assertThat((String) t.userAttrs().get("stop_reason")).startsWith("early stopping: val_accuracy did not improve");
    }
}
