package io.tunelab.search.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParamImportancesTest {

    /** 40 trials of {@code 10 * x^2 + 0.1 * y}: x explains nearly all of the value. */
    private static Study study() {
        Study study = Study.builder("imp").seed(3).create();
        study.optimize(t -> 10 * Math.pow(t.suggestFloat("x", -1, 1), 2) + 0.1 * t.suggestFloat("y", 0, 1), 40);
        return study;
    }

    @Test
    void ranksTheParametersOfAStudyLargestFirstSummingToOneAsOptunasGetParamImportances() {
        Map<String, Double> importances = ParamImportances.get(study());

        assertThat(importances.keySet()).containsExactly("x", "y");
        assertThat(importances.get("x")).isGreaterThan(0.8);
        assertThat(importances.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, offset(1e-9));
    }

    @Test
    void ranksOnlyTheParametersAskedFor() {
        assertThat(ParamImportances.get(study(), 0, List.of("y"))).containsOnlyKeys("y").containsEntry("y", 1.0);
    }

    @Test
    void givesTheDashboardsAnswerForTheSameTrials() {
        Study study = study();

        ParameterImportance.Result dashboard = new ParameterImportance().compute(study.trials(), 0, Direction.MINIMIZE,
                new SplittableRandom(ParameterImportance.SEED));

        assertThat(ParamImportances.evaluate(study, 0, List.of())).isEqualTo(dashboard);
    }

    @Test
    void refusesWhatItCannotAnswerSayingWhy() {
        Study one = Study.builder("one").seed(1).create();
        one.optimize(t -> t.suggestFloat("x", 0, 1), 1);
        Study mo = Study.builder("mo").directions(Direction.MINIMIZE, Direction.MAXIMIZE).create();

        assertThatThrownBy(() -> ParamImportances.get(one)).isInstanceOf(ImportanceException.class).hasMessage(
                "no parameter importance for study 'one': too few trials: 1 complete with a finite value, need at least 2");
        assertThatThrownBy(() -> ParamImportances.get(mo)).hasMessage("study 'mo' has 2 objectives; name the one to"
                + " explain: ParamImportances.get(study, objective, params)");
        assertThatThrownBy(() -> ParamImportances.get(study(), 0, List.of("z")))
                .hasMessage("parameter 'z' is in no COMPLETE trial of study 'imp'; their parameters: x, y");
        assertThatThrownBy(() -> ParamImportances.get(one, 1, List.of()))
                .hasMessage("objective 1 is not one of study 'one': it has 1 objective (index 0)");
    }
}
