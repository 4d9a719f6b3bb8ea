package io.tunelab.search.sampler.tpe;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ModelTurnsTest {

    private static Map<String, Distribution> numeric(int parameters) {
        Map<String, Distribution> space = new LinkedHashMap<>();
        for (int i = 0; i < parameters; i++) {
            space.put("x" + i, i % 2 == 0 ? FloatDistribution.uniform(-5, 5) : IntDistribution.uniform(1, 9));
        }
        return space;
    }

    private static FrozenTrial trial(int number, String model, double value) {
        return new FrozenTrial(100 + number, number, TrialState.COMPLETE, List.of(value), null, null, Map.of(), Map.of(),
                new TreeMap<>(), Map.of(), model == null ? Map.of() : Map.of(ModelTurns.ATTR, model), null);
    }

    @Test
    void theCreditDecidesOnlyInNumericSpacesOfFourOrMoreParametersModelledAsOneGroupWithAContinuousFloat() {
        TpeOptions defaults = TpeOptions.defaults();
        assertThat(ModelTurns.apply(defaults, numeric(4), 1)).isTrue();
        assertThat(ModelTurns.apply(defaults, numeric(3), 1)).isFalse();
        assertThat(ModelTurns.apply(defaults, numeric(6), 2)).as("a conditional space").isFalse();
        Map<String, Distribution> mixed = numeric(4);
        mixed.put("act", CategoricalDistribution.of("relu", "tanh"));
        assertThat(ModelTurns.apply(defaults, mixed, 1)).isFalse();
        assertThat(ModelTurns.apply(defaults.withModelCredit(false), numeric(4), 1)).isFalse();
        Map<String, Distribution> finite = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            finite.put("n" + i, i % 2 == 0 ? IntDistribution.uniform(1, 9) : FloatDistribution.stepped(0, 1, 0.25));
        }
        assertThat(ModelTurns.apply(defaults, finite, 1)).as("finitely many values: the no-repeat rule decides").isFalse();
        assertThat(ModelTurns.apply(TpeOptions.optuna(), numeric(4), 1)).as("univariate anyway").isFalse();
    }

    @Test
    void evenTrialsAreMultivariateAndOddOnesUnivariateOnlyWhileUnivariateTrialsImproveMoreOften() {
        List<FrozenTrial> history = new ArrayList<>();
        history.add(trial(0, null, 10)); // start-up: not counted
        assertThat(ModelTurns.choose(11, history, Direction.MINIMIZE)).as("no credit yet: a tie").isEqualTo("multivariate");
        history.add(trial(10, "multivariate", 11));
        history.add(trial(12, "multivariate", 12));
        assertThat(ModelTurns.choose(13, history, Direction.MINIMIZE)).isEqualTo("univariate");
        assertThat(ModelTurns.choose(14, history, Direction.MINIMIZE)).isEqualTo("multivariate");
        history.add(trial(13, "univariate", 13));
        history.add(trial(14, "multivariate", 1));
        assertThat(ModelTurns.choose(15, history, Direction.MINIMIZE)).as("1/3 against 2/5").isEqualTo("multivariate");
        assertThat(ModelTurns.choose(15, history, Direction.MAXIMIZE)).as("univariate's 13 improved").isEqualTo("univariate");
    }
}
