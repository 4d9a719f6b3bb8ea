package io.tunelab.trainers.tribuo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.study.Objective;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.trainers.tabular.Synthetic;
import io.tunelab.trainers.tabular.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A small RandomizedSearchCV(cv=3): 8 random trials over random forests and XGBoost, end to end. */
class TribuoSearchTest {

    @Test
    void aRandomSearchOverForestsAndBoostingFindsATrialBetterThanItsWorst() {
        Table[] data = Fixtures.trainTest(Synthetic.classification(360, 4, 4, 4, 1.0, 17));
        Map<String, TribuoObjective> objectives = Map.of(
                "random_forest", TribuoObjective.builder(RandomForestSpec.defaults()
                        .with("n_trees", IntDistribution.logUniform(2, 30))
                        .with("max_depth", IntDistribution.uniform(1, 8)), data[0]).test(data[1]).build(),
                "xgboost", TribuoObjective.builder(XGBoostSpec.defaults()
                        .with("rounds", IntDistribution.logUniform(2, 60))
                        .with("max_depth", IntDistribution.uniform(1, 6))
                        .with("eta", FloatDistribution.logUniform(0.01, 0.5)), data[0]).test(data[1]).build());
        Objective search = trial -> objectives
                .get(trial.suggestCategorical("model", List.of("random_forest", "xgboost")))
                .evaluate(trial);
        Study study = Study.builder("rf-vs-xgb").direction(objectives.get("xgboost").direction()).seed(42)
                .sampler(RandomSampler::new).create();

        study.optimize(search, OptimizeOptions.trials(8).withParallelism(1));

        List<FrozenTrial> complete = study.trials(java.util.EnumSet.of(TrialState.COMPLETE));
        assertThat(complete).hasSize(8);
        double best = study.bestTrial().value();
        double worst = complete.stream().mapToDouble(FrozenTrial::value).min().orElseThrow();
        assertThat(best).isGreaterThan(worst + 0.1);
        assertThat(best).isGreaterThan(0.5);
        assertThat(complete).allSatisfy(t -> assertThat(t.intermediateValues()).hasSize(3));
        assertThat(study.bestTrial().userAttrs()).containsKey("test_evaluation");
        assertThat(complete).extracting(t -> t.params().get("model")).contains("random_forest", "xgboost");
    }
}
