package io.tunelab.dashboard.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class BrushTest {
    private static final CategoricalDistribution KIND = CategoricalDistribution.of("a \"quoted\" choice", "plain", "back\\slash");

    /**
     * 2,000 trials with parameters called like built-in fields ({@code state}, {@code number}) and one with a quote in
     * its name; every tenth FAIL, every seventh COMPLETE one with a second objective only.
     */
    private static long study(InMemoryStorage storage) {
        long s = storage.createStudy("brushed", List.of(Direction.MINIMIZE, Direction.MAXIMIZE)).id();
        SplittableRandom random = new SplittableRandom(17);
        for (int n = 0; n < 2000; n++) {
            long id = storage.createRunningTrial(s).id();
            storage.setParam(id, "state", random.nextDouble() * 10, FloatDistribution.uniform(0, 10));
            storage.setParam(id, "number", random.nextDouble(), FloatDistribution.logUniform(1e-6, 1));
            storage.setParam(id, "we\"ird", KIND.choices().get(random.nextInt(3)), KIND);
            boolean failed = n % 10 == 0;
            storage.finishTrial(id, failed ? TrialState.FAIL : TrialState.COMPLETE,
                    failed ? List.of() : List.of(random.nextDouble(), random.nextDouble()), null);
        }
        return s;
    }

    @Test
    void aBrushSelectsExactlyTheCompleteTrialsInAnIntervalOfEveryBrushedAxis() {
        InMemoryStorage storage = new InMemoryStorage();
        long s = study(storage);
        TrialTable table = new TrialTable(new StorageDashboardData(storage));
        Brush brush = new Brush(1, 2, List.of(new double[] {0.2, 0.9}),
                Map.of("state", List.of(new double[] {7.5, 1.25}, new double[] {9.0, 9.5}), "number", List.of(new double[] {1e-6, 0.5})),
                Map.of("we\"ird", List.of("a \"quoted\" choice", "back\\slash")));
        Predicate<FrozenTrial> expected = t -> t.state() == TrialState.COMPLETE
                && between(t.values().get(1), 0.2, 0.9)
                && (between(t.params().get("state"), 1.25, 7.5) || between(t.params().get("state"), 9.0, 9.5))
                && between(t.params().get("number"), 1e-6, 0.5)
                && !"plain".equals(t.params().get("we\"ird"));
        List<Integer> want = storage.trials(s, EnumSet.allOf(TrialState.class)).stream().filter(expected).map(FrozenTrial::number).toList();
        assertThat(want).hasSizeBetween(100, 600);
        assertThat(table.matching(s, brush.filter()).stream().map(FrozenTrial::number)).containsExactlyElementsOf(want);
        assertThat(table.query(s, new TableQuery(brush.filter(), "number", false, 0, 10, List.of())).total())
                .as("the trials table counts the same trials").isEqualTo(want.size());
    }

    private static boolean between(Object v, double low, double high) {
        return v instanceof Double d && d >= low && d <= high;
    }

    @Test
    void anEmptyBrushIsNoFilterAndAnAxisWithNoChoiceSelectsNothing() {
        assertThat(new Brush(0, 1, List.of(), Map.of(), Map.of()).filter()).isEmpty();
        InMemoryStorage storage = new InMemoryStorage();
        long s = study(storage);
        TrialTable table = new TrialTable(new StorageDashboardData(storage));
        assertThat(table.matching(s, "")).hasSize(2000);
        assertThat(table.matching(s, new Brush(0, 2, List.of(), Map.of(), Map.of("we\"ird", List.of())).filter())).isEmpty();
    }

    @Test
    void anIntervalIsTwoNumbers() {
        assertThatThrownBy(() -> new Brush(0, 1, List.of(new double[] {1}), Map.of(), Map.of()))
                .hasMessageContaining("brush of 'value'").hasMessageContaining("[1.0]");
        assertThatThrownBy(() -> new Brush(0, 1, List.of(), Map.of("lr", List.<double[]>of(new double[] {Double.NaN, 1})), Map.of()))
                .hasMessageContaining("'lr'");
    }
}
