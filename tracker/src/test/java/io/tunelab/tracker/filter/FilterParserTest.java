package io.tunelab.tracker.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FilterParserTest {
    static final FieldCatalog CATALOG = new FieldCatalog(Set.of("lr", "optimizer"), Set.of("loss"), 1);

    /** A trial with its series 'loss' summarised as last, min and max. */
    record Row(FrozenTrial trial, Map<String, double[]> metrics) implements TrialView {
        @Override
        public Double metric(String name, String aggregate) {
            double[] s = metrics.get(name);
            return s == null ? null : s[List.of("last", "min", "max").indexOf(aggregate)];
        }
    }

    static Row row(int number, TrialState state, double value, double lr, String optimizer, double lossMin) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("lr", lr);
        params.put("optimizer", optimizer);
        Map<String, Distribution> dists = new LinkedHashMap<>();
        dists.put("lr", FloatDistribution.logUniform(1e-5, 1));
        dists.put("optimizer", CategoricalDistribution.of("sgd", "adam"));
        FrozenTrial t = new FrozenTrial(number, number, state, state == TrialState.COMPLETE ? List.of(value) : List.of(),
                Instant.EPOCH, Instant.EPOCH.plusSeconds(number), params, dists, new TreeMap<>(), Map.of(), Map.of("slot", "cpu:0"), null);
        return new Row(t, Map.of("loss", new double[] {lossMin + 1, lossMin, lossMin + 2}));
    }

    static final List<Row> ROWS = List.of(
            row(0, TrialState.COMPLETE, 0.5, 0.001, "adam", 0.2),
            row(1, TrialState.COMPLETE, 0.9, 0.1, "sgd", 0.6),
            row(2, TrialState.PRUNED, 0, 0.005, "sgd", 0.4),
            row(3, TrialState.COMPLETE, 0.7, 0.02, "adam", 0.3));

    static List<Integer> matching(String filter) {
        TrialFilter f = FilterParser.parse(filter, CATALOG);
        return ROWS.stream().filter(f::matches).map(r -> r.trial().number()).toList();
    }

    @Test
    void andBindsTighterThanOrAndParenthesesRegroup() {
        assertThat(matching("optimizer = sgd OR lr < 0.01 AND state = complete")).containsExactly(0, 1, 2);
        assertThat(matching("(optimizer = sgd OR lr < 0.01) AND state = complete")).containsExactly(0, 1);
    }

    @Test
    void numbersCompareNumericallyAndMetricsByAggregate() {
        assertThat(matching("value >= 0.7")).containsExactly(1, 3);
        assertThat(matching("loss.min < 0.35 && number != 0")).containsExactly(3);
        assertThat(matching("metrics.loss.max > 2.35")).containsExactly(1, 2);
    }

    @Test
    void notContainsAndMissingValuesBehaveAsDocumented() {
        assertThat(matching("NOT state = COMPLETE")).containsExactly(2);
        assertThat(matching("optimizer ~ AD")).containsExactly(0, 3);
        assertThat(matching("value < 100")).containsExactly(0, 1, 3);
        assertThat(matching("slot = 'cpu:0' AND duration > 1.5")).containsExactly(2, 3);
    }

    @Test
    void theFilterRemembersWhichMetricsItReads() {
        assertThat(FilterParser.parse("loss.last > 1 OR lr < 1", CATALOG).metrics()).containsExactly("loss");
        assertThat(FilterParser.parse("  ", CATALOG)).isSameAs(TrialFilter.NONE);
    }

    @Test
    void mistakesAreReportedWithThePosition() {
        assertThatThrownBy(() -> FilterParser.parse("lr < 0.1 optimizer = sgd", CATALOG))
                .isInstanceOf(FilterException.class).hasMessageContaining("position 10").hasMessageContaining("'optimizer'");
        assertThatThrownBy(() -> FilterParser.parse("(lr < 0.1", CATALOG)).hasMessageContaining("expected ')'");
        assertThatThrownBy(() -> FilterParser.parse("lr 0.1", CATALOG)).hasMessageContaining("expected an operator");
        assertThatThrownBy(() -> FilterParser.parse("optimizer = 'adam", CATALOG)).hasMessageContaining("never closed");
        assertThatThrownBy(() -> FilterParser.parse("value1 > 0", CATALOG)).hasMessageContaining("1 objective value");
        assertThatThrownBy(() -> FilterParser.parse("acc.max > 0", CATALOG)).hasMessageContaining("unknown field 'acc.max'");
    }
}
