package io.tunelab.dashboard.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StratifiedSampleTest {
    private static FrozenTrial trial(int number, TrialState state, List<Double> values, double x) {
        return new FrozenTrial(number, number, state, values, null, null, Map.of("x", x, "opt", "adam"),
                Map.of("x", FloatDistribution.uniform(-100, 10_000), "opt", CategoricalDistribution.of("adam")),
                new TreeMap<>(), Map.of(), Map.of(), null);
    }

    /** 1,000 COMPLETE trials whose value is (number * 7919) mod 1000 (each value once), x = number, plus failed and NaN ones. */
    private static List<FrozenTrial> study() {
        List<FrozenTrial> trials = new ArrayList<>();
        for (int n = 0; n < 1000; n++) {
            trials.add(trial(n, TrialState.COMPLETE, List.of((double) (n * 7919 % 1000)), n));
        }
        trials.add(trial(1000, TrialState.FAIL, List.of(), -50));
        trials.add(trial(1001, TrialState.COMPLETE, List.of(Double.NaN), 5000));
        trials.add(trial(1002, TrialState.PRUNED, List.of(-1.0), 6000));
        return trials;
    }

    private static List<Double> values(List<FrozenTrial> trials) {
        return trials.stream().map(t -> t.values().get(0)).sorted().toList();
    }

    @Test
    void aSmallStudyIsDrawnWhole() {
        StratifiedSample.Result r = StratifiedSample.of(study(), 0, Direction.MINIMIZE, 5000);
        assertThat(r.trials()).hasSize(1000);
        assertThat(r.counted()).isEqualTo(1000);
    }

    @Test
    void aLargeStudyKeepsTheBestTenthAndAnEvenSpreadOfTheRestInNumberOrder() {
        StratifiedSample.Result r = StratifiedSample.of(study(), 0, Direction.MINIMIZE, 100);
        assertThat(r.trials()).hasSize(100).isSortedAccordingTo(Comparator.comparingInt(FrozenTrial::number));
        assertThat(r.counted()).isEqualTo(1000);
        List<Double> drawn = values(r.trials());
        assertThat(drawn.subList(0, 10)).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0);
        // the other 90 are every tenth of the remaining 990 values: 10, 21, 32, ... (spacing 11)
        assertThat(drawn.get(10)).isEqualTo(10.0);
        assertThat(drawn.get(99)).isEqualTo(10.0 + Math.floor(89 * 990 / 90.0));
        for (int i = 11; i < 100; i++) {
            assertThat(drawn.get(i) - drawn.get(i - 1)).isBetween(10.0, 12.0);
        }
    }

    @Test
    void maximisingKeepsTheLargestValues() {
        List<Double> drawn = values(StratifiedSample.of(study(), 0, Direction.MAXIMIZE, 100).trials());
        assertThat(drawn.subList(90, 100)).containsExactly(990.0, 991.0, 992.0, 993.0, 994.0, 995.0, 996.0, 997.0, 998.0, 999.0);
    }

    @Test
    void rangesSpanEveryCountedTrialNotOnlyTheDrawnOnes() {
        StratifiedSample.Result r = StratifiedSample.of(study(), 0, Direction.MINIMIZE, 10);
        assertThat(r.trials()).hasSize(10);
        assertThat(r.ranges().get("x")).as("failed, NaN and pruned trials are not counted").containsExactly(0.0, 999.0);
        assertThat(r.ranges().get(StratifiedSample.VALUE)).containsExactly(0.0, 999.0);
        assertThat(r.ranges()).as("text parameters have no range").doesNotContainKey("opt");
    }

    @Test
    void aStudyWithoutCountedTrialsHasNoValueRange() {
        StratifiedSample.Result r = StratifiedSample.of(List.of(trial(0, TrialState.FAIL, List.of(), 1)), 0, Direction.MINIMIZE, 10);
        assertThat(r.trials()).isEmpty();
        assertThat(r.ranges()).isEmpty();
        assertThatThrownBy(() -> StratifiedSample.of(List.of(), 0, Direction.MINIMIZE, 0))
                .hasMessageContaining("cap must be at least 1, got 0");
    }

    @Test
    void aBrushedSelectionThatFitsInHalfTheLinesIsDrawnWhole() {
        StratifiedSample.Result r = StratifiedSample.of(study(), 0, Direction.MINIMIZE, 100, t -> t.number() % 50 == 7);
        assertThat(r.trials()).hasSize(100).isSortedAccordingTo(Comparator.comparingInt(FrozenTrial::number));
        assertThat(r.brushed()).isEqualTo(20);
        assertThat(r.drawnBrushed()).isEqualTo(20);
        assertThat(r.trials().stream().filter(t -> t.number() % 50 == 7)).hasSize(20);
        assertThat(r.trials().stream().map(FrozenTrial::number)).as("no trial twice").doesNotHaveDuplicates();
    }

    @Test
    void aLargeBrushedSelectionTakesHalfTheLinesAndTheOthersTheRest() {
        StratifiedSample.Result r = StratifiedSample.of(study(), 0, Direction.MINIMIZE, 100, t -> t.number() < 600);
        assertThat(r.trials()).hasSize(100);
        assertThat(r.brushed()).isEqualTo(600);
        assertThat(r.drawnBrushed()).isEqualTo(50);
        assertThat(r.trials().stream().filter(t -> t.number() < 600)).hasSize(50);
        List<Double> brushedValues = values(r.trials().stream().filter(t -> t.number() < 600).toList());
        double bestBrushed = study().stream().filter(t -> t.number() < 600).mapToDouble(t -> t.values().get(0)).min().orElseThrow();
        assertThat(brushedValues.get(0)).as("the best brushed trial is drawn").isEqualTo(bestBrushed);
        StratifiedSample.Result most = StratifiedSample.of(study(), 0, Direction.MINIMIZE, 100, t -> t.number() >= 30);
        assertThat(most.drawnBrushed()).as("the 30 others leave 70 lines to the brushed").isEqualTo(70);
        assertThat(most.trials()).hasSize(100);
    }

    @Test
    void withoutABrushTheSampleIsTheUnbrushedOne() {
        assertThat(StratifiedSample.of(study(), 0, Direction.MINIMIZE, 100, t -> false).trials())
                .isEqualTo(StratifiedSample.of(study(), 0, Direction.MINIMIZE, 100).trials());
    }
}
