package io.tunelab.trainers.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.search.pruner.PruneDecision;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialPrunedException;
import io.tunelab.trainers.TrainersException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossValidationTest {

    @Test
    void reportsTheRunningMeanOfTheFoldsAsStepsAndLogsAndStoresEveryFoldScore() throws Exception {
        Study study = Study.builder("cv").create();
        Trial trial = study.ask();
        double[] scores = {0.8, 0.6, 0.7};

        CrossValidation.Result result = CrossValidation.run(trial, 3, fold -> scores[fold]);

        assertThat(result.scores()).containsExactly(0.8, 0.6, 0.7);
        assertThat(result.mean()).isCloseTo(0.7, within(1e-12));
        assertThat(result.std()).isCloseTo(Math.sqrt(0.02 / 3), within(1e-12));
        FrozenTrial frozen = study.storage().trial(study.trials().get(0).id());
        assertThat(frozen.intermediateValues()).containsOnlyKeys(0, 1, 2);
        assertThat(frozen.intermediateValues().get(0)).isCloseTo(0.8, within(1e-12));
        assertThat(frozen.intermediateValues().get(1)).isCloseTo(0.7, within(1e-12));
        assertThat(frozen.intermediateValues().get(2)).isCloseTo(result.mean(), within(1e-12));
        assertThat(frozen.userAttrs()).containsEntry("cv_mean", result.mean()).containsKey("cv_scores");
        assertThat(study.storage().metrics(frozen.id(), CrossValidation.FOLD_SCORE))
                .extracting(p -> p.value()).containsExactly(0.8, 0.6, 0.7);
    }

    @Test
    void stopsAfterTheFoldThePrunerRejects() {
        Study study = Study.builder("cv-prune")
                .pruner((view, t) -> t.intermediateValues().size() >= 2
                        ? PruneDecision.prune(1, 0.1, 0.5, "bad second fold")
                        : PruneDecision.keep("fine"))
                .create();
        Trial trial = study.ask();
        List<Integer> trained = new ArrayList<>();

        assertThatThrownBy(() -> CrossValidation.run(trial, 5, fold -> {
            trained.add(fold);
            return 0.1;
        })).isInstanceOf(TrialPrunedException.class).hasMessageContaining("after fold 1 of 5");
        assertThat(trained).containsExactly(0, 1);
    }

    @Test
    void aNonFiniteFoldScoreFailsWithAMessage() {
        Trial trial = Study.builder("cv-nan").create().ask();

        assertThatThrownBy(() -> CrossValidation.run(trial, 2, fold -> Double.NaN))
                .isInstanceOf(TrainersException.class)
                .hasMessageContaining("fold 0")
                .hasMessageContaining("NaN");
    }
}
