package io.tunelab.trainers.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.pruner.PruneDecision;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.eval.Metric;
import io.tunelab.trainers.predict.ModelFormat;
import io.tunelab.trainers.tabular.Table;
import io.tunelab.trainers.tabular.Task;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TribuoObjectiveTest {

    private static FrozenTrial runOne(TribuoObjective objective, Map<String, Object> params, Study study) {
        study.enqueueTrial(params);
        study.optimize(objective, OptimizeOptions.trials(1).withParallelism(1));
        return study.trials().get(study.trials().size() - 1);
    }

    @Test
    void threeFoldCrossValidationReportsTheRunningMeanAtEachFoldAndReturnsTheMean(@TempDir Path models) {
        Table[] data = Fixtures.trainTest(Fixtures.classification());
        TribuoObjective objective = TribuoObjective.builder(LibLinearSpec.defaults(), data[0])
                .test(data[1]).modelDir(models).build();
        Study study = Study.builder("cv3").direction(objective.direction()).create();

        FrozenTrial trial = runOne(objective, Fixtures.goodParams("liblinear", Task.CLASSIFICATION), study);

        assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(trial.intermediateValues()).containsOnlyKeys(0, 1, 2);
        double mean = study.storage().metrics(trial.id(), "cv_fold_score").stream().mapToDouble(p -> p.value()).average()
                .orElseThrow();
        assertThat(trial.value()).isEqualTo(mean).isEqualTo(trial.intermediateValues().get(2)).isGreaterThan(0.6);
        assertThat(trial.userAttrs())
                .containsEntry("trainer", "liblinear")
                .containsEntry("metric", "accuracy")
                .containsEntry("validation", "3-fold(seed=0)")
                .containsEntry("dataset_fingerprint", data[0].fingerprint().toMap())
                .containsKeys("cv_scores", "cv_std", "test_evaluation");
        assertThat(study.storage().metrics(trial.id(), "cv_fold_score")).hasSize(3);
    }

    @Test
    void theRefittedModelIsEvaluatedOnTheTestTableAndStoredAsArtifacts(@TempDir Path models) {
        Table[] data = Fixtures.trainTest(Fixtures.classification());
        TribuoObjective objective = TribuoObjective.builder(LinearSgdSpec.defaults(), data[0])
                .test(data[1]).modelDir(models).build();
        Study study = Study.builder("artifacts").direction(Direction.MAXIMIZE).create();

        FrozenTrial trial = runOne(objective, Fixtures.goodParams("linear_sgd", Task.CLASSIFICATION), study);

        @SuppressWarnings("unchecked")
        Map<String, Object> evaluation = (Map<String, Object>) trial.userAttrs().get("test_evaluation");
        TabularModel kept = TribuoModels.load(models.resolve("trial-0"));
        assertThat(evaluation.get("accuracy")).isEqualTo(kept.evaluateClassifier(data[1]).accuracy());
        assertThat(evaluation).containsKeys("accuracy_interval", "confusion_matrix", "per_class");
        assertThat(study.storage().artifacts(trial.id())).extracting(ArtifactRef::name)
                .containsExactlyInAnyOrder(TribuoModels.MODEL_FILE, TribuoModels.ENCODER_FILE, TribuoModels.ONNX_FILE,
                        ModelFormat.ARTIFACT);
    }

    @Test
    void aHoldOutSplitReportsOneScore() {
        Table data = Fixtures.regression();
        TribuoObjective objective = TribuoObjective.builder(CartSpec.defaults(), data)
                .validation(Validation.holdOut(0.2, 4)).refit(false).build();
        Study study = Study.builder("holdout").direction(objective.direction()).create();

        FrozenTrial trial = runOne(objective, Fixtures.goodParams("cart", Task.REGRESSION), study);

        assertThat(objective.direction()).isEqualTo(Direction.MINIMIZE);
        assertThat(trial.intermediateValues()).containsOnlyKeys(0);
        assertThat(trial.value()).isEqualTo(trial.intermediateValues().get(0)).isLessThan(4.0);
        assertThat(trial.userAttrs()).doesNotContainKey("test_evaluation");
        assertThat(study.storage().artifacts(trial.id())).isEmpty();
    }

    @Test
    void aPrunedTrialStopsAfterTheRejectedFoldAndStoresNoModel() {
        Table data = Fixtures.classification();
        TribuoObjective objective = TribuoObjective.builder(CartSpec.defaults(), data).build();
        Study study = Study.builder("pruned").direction(Direction.MAXIMIZE)
                .pruner((view, t) -> PruneDecision.prune(0, 0, 1, "always"))
                .create();

        FrozenTrial trial = runOne(objective, Fixtures.goodParams("cart", Task.CLASSIFICATION), study);

        assertThat(trial.state()).isEqualTo(TrialState.PRUNED);
        assertThat(trial.intermediateValues()).containsOnlyKeys(0);
        assertThat(study.storage().artifacts(trial.id())).isEmpty();
    }

    @Test
    void everyTrialIsScoredOnTheSameFolds() {
        Table data = Fixtures.classification();
        TribuoObjective objective = TribuoObjective.builder(CartSpec.defaults(), data).refit(false).build();
        Study study = Study.builder("same-folds").direction(Direction.MAXIMIZE).create();
        Map<String, Object> params = Fixtures.goodParams("cart", Task.CLASSIFICATION);

        FrozenTrial first = runOne(objective, params, study);
        FrozenTrial second = runOne(objective, params, study);

        assertThat(second.intermediateValues()).isEqualTo(first.intermediateValues());
    }

    @Test
    void aMetricOfTheOtherTaskIsRejected() {
        assertThatThrownBy(() -> TribuoObjective.builder(CartSpec.defaults(), Fixtures.classification())
                .metric(Metric.RMSE).build())
                .isInstanceOf(TrainersException.class)
                .hasMessageContaining("metric RMSE scores REGRESSION");
    }
}
