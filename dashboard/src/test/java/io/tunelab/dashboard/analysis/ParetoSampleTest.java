package io.tunelab.dashboard.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.query.ParetoSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ParetoSampleTest {
    private static final List<Direction> DIRECTIONS = List.of(Direction.MINIMIZE, Direction.MAXIMIZE);

    /** 20,000 trials of two objectives: every 13th FAIL, every 17th infeasible, every 101st with a NaN value. */
    private static List<FrozenTrial> study() {
        SplittableRandom random = new SplittableRandom(23);
        List<FrozenTrial> trials = new ArrayList<>();
        for (int n = 0; n < 20_000; n++) {
            double a = random.nextDouble();
            double b = a * a + random.nextDouble() * 0.3;
            boolean failed = n % 13 == 0;
            Map<String, Object> attrs = n % 17 == 0 ? Map.of(Constraints.USER_ATTR, List.of(1.0)) : Map.of();
            trials.add(new FrozenTrial(n, n, failed ? TrialState.FAIL : TrialState.COMPLETE,
                    failed ? List.of() : List.of(n % 101 == 0 ? Double.NaN : a, b), null, null, Map.of(), Map.of(), new TreeMap<>(),
                    attrs, Map.of(), null));
        }
        return trials;
    }

    @Test
    void theFrontIsExactOverEveryTrialAndTheRestIsBoundedAndCounted() {
        List<FrozenTrial> trials = study();
        ParetoSample.Result r = ParetoSample.of(trials, DIRECTIONS, 500);
        assertThat(r.front()).isEqualTo(ParetoSet.of(trials, DIRECTIONS).stream()
                .filter(t -> t.values().stream().allMatch(Double::isFinite)).toList()).isNotEmpty();
        assertThat(r.dominated()).hasSize(500).isSortedAccordingTo(Comparator.comparingInt(FrozenTrial::number))
                .allMatch(Constraints::holds).noneMatch(r.front()::contains);
        assertThat(r.infeasible()).hasSize(500).noneMatch(Constraints::holds);
        long drawable = trials.stream().filter(t -> t.state() == TrialState.COMPLETE && Double.isFinite(t.values().get(0))).count();
        assertThat(r.front().size() + r.dominatedCount() + r.infeasibleCount()).isEqualTo((int) drawable);
        assertThat(r.infeasibleCount()).isEqualTo((int) trials.stream()
                .filter(t -> t.state() == TrialState.COMPLETE && Double.isFinite(t.values().get(0)) && !Constraints.holds(t)).count());
        assertThat(r.dominated().get(r.dominated().size() - 1).number()).as("spread over the whole study").isGreaterThan(19_000);
    }

    @Test
    void aSmallStudyIsDrawnWhole() {
        List<FrozenTrial> trials = study().subList(0, 300);
        ParetoSample.Result r = ParetoSample.of(trials, DIRECTIONS, 2000);
        assertThat(r.dominated()).hasSize(r.dominatedCount());
        assertThat(r.infeasible()).hasSize(r.infeasibleCount());
    }
}
