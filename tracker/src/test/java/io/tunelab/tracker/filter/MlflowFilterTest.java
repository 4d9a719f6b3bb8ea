package io.tunelab.tracker.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.sampler.Sampler;
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

/** MLflow's {@code filter_string} on trials: AND-joined comparisons of params., metrics., attributes. and tags. */
class MlflowFilterTest {
    static final FieldCatalog CATALOG = new FieldCatalog(Set.of("lr", "optimizer", "momentum"), Set.of("val_accuracy", "loss"), 1);

    /** A trial and the last values of its series. */
    record Row(FrozenTrial trial, Map<String, Double> last) implements TrialView {
        @Override
        public Double metric(String name, String aggregate) {
            return last.get(name);
        }
    }

    /** Trials 0 and 2 use SGD with a momentum (a conditional parameter); 1 and 3 Adam without one. */
    static Row row(int number, TrialState state, double lr, String optimizer, Double momentum, Double accuracy, String sampler) {
        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, Distribution> dists = new LinkedHashMap<>();
        params.put("lr", lr);
        dists.put("lr", FloatDistribution.logUniform(1e-4, 1));
        params.put("optimizer", optimizer);
        dists.put("optimizer", CategoricalDistribution.of("sgd", "adam"));
        if (momentum != null) {
            params.put("momentum", momentum);
            dists.put("momentum", FloatDistribution.uniform(0, 1));
        }
        Map<String, Object> system = sampler == null ? Map.of() : Map.of(Sampler.SAMPLER_ATTR, sampler);
        FrozenTrial t = new FrozenTrial(number, number, state, state == TrialState.COMPLETE ? List.of(1 - lr) : List.of(),
                Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60L * number), Instant.parse("2026-01-01T00:00:30Z")
                .plusSeconds(60L * number), params, dists, new TreeMap<>(), Map.of("team", number % 2 == 0 ? "Vision" : "nlp"),
                system, null);
        return new Row(t, accuracy == null ? Map.of() : Map.of("val_accuracy", accuracy));
    }

    static final List<Row> ROWS = List.of(
            row(0, TrialState.COMPLETE, 0.001, "sgd", 0.9, 0.91, "tpe"),
            row(1, TrialState.COMPLETE, 0.05, "adam", null, 0.95, "random (tpe start-up)"),
            row(2, TrialState.PRUNED, 0.02, "sgd", 0.5, 0.7, "tpe"),
            row(3, TrialState.COMPLETE, 0.1, "adam", null, null, null));

    static List<Integer> matching(String filter) {
        TrialFilter f = FilterParser.parseAndOnly(filter, CATALOG);
        return ROWS.stream().filter(f::matches).map(r -> r.trial().number()).toList();
    }

    @Test
    void comparisonsJoinedByAndSelectTrialsAsMlflowSearchRunsDoes() {
        assertThat(matching("params.lr > 0.01 and metrics.val_accuracy >= 0.9 and state = 'COMPLETE'")).containsExactly(1);
        assertThat(matching("value < 0.96")).containsExactly(1, 3);
        assertThat(matching("values.0 < 0.96 AND attributes.status = 'COMPLETE'")).containsExactly(1, 3);
        assertThat(matching("attributes.sampler = 'tpe'")).containsExactly(0, 2);
        assertThat(matching("tags.team = 'nlp' and user_attr.team != 'vision'")).containsExactly(1, 3);
    }

    @Test
    void aMetricIsItsLastValueAndAMissingMetricOrParameterFailsEveryComparison() {
        assertThat(FilterParser.parseAndOnly("metrics.val_accuracy > 0", CATALOG).metrics()).containsExactly("val_accuracy");
        assertThat(matching("metrics.val_accuracy > 0")).containsExactly(0, 1, 2);
        assertThat(matching("params.momentum >= 0")).containsExactly(0, 2);
        assertThat(matching("params.momentum != 0.9")).containsExactly(2);
        assertThat(matching("tags.nobody = 'x'")).isEmpty();
    }

    @Test
    void likeIsCaseSensitiveIlikeIsNotAndInTakesAList() {
        assertThat(matching("tags.team LIKE 'V%'")).containsExactly(0, 2);
        assertThat(matching("tags.team LIKE 'v%'")).isEmpty();
        assertThat(matching("tags.team ILIKE 'v_ion'")).isEmpty();
        assertThat(matching("tags.team ILIKE 'v__ion'")).containsExactly(0, 2);
        assertThat(matching("attributes.sampler like '%start-up%'")).containsExactly(1);
        assertThat(matching("params.optimizer IN ('adam', 'rmsprop')")).containsExactly(1, 3);
        assertThat(matching("params.lr IN (0.001, 0.1)")).containsExactly(0, 3);
        assertThat(matching("params.momentum NOT IN (0.9)")).containsExactly(2);
    }

    @Test
    void textEqualityIsCaseSensitiveAsInMlflowWhileTheDashboardsGrammarIgnoresCase() {
        assertThat(matching("tags.team = 'Vision'")).containsExactly(0, 2);
        assertThat(matching("tags.team = 'vision'")).isEmpty();
        assertThat(matching("tags.team != 'vision'")).containsExactly(0, 1, 2, 3);
        assertThat(matching("params.optimizer IN ('ADAM', 'sgd')")).containsExactly(0, 2);
        assertThat(matching("state = 'complete'")).isEmpty();
        assertThat(matching("tags.team ILIKE 'vision'")).containsExactly(0, 2);
        TrialFilter dashboard = FilterParser.parse("tags.team = 'vision' OR state = pruned", CATALOG);
        assertThat(ROWS.stream().filter(dashboard::matches).map(r -> r.trial().number())).containsExactly(0, 2);
    }

    @Test
    void aBareAttributeNameThatIsAlsoAParameterKeepsItsMeaningWithANoteNamingTheParameter() {
        FieldCatalog shadowing = new FieldCatalog(Set.of("lr", "sampler", "start"), Set.of(), 1);

        TrialFilter f = FilterParser.parseAndOnly("sampler = 'tpe' and params.sampler = 'x' and start > '2026' and lr > 0",
                shadowing);

        assertThat(ROWS.stream().filter(f::matches)).as("'sampler' read the trial's sampler, so params.sampler fails").isEmpty();
        assertThat(FilterParser.parseAndOnly("sampler = 'tpe'", shadowing).notes()).containsExactly(
                "note: 'sampler' is the trial attribute; write params.sampler for the parameter");
        assertThat(f.notes()).containsExactly("note: 'sampler' is the trial attribute; write params.sampler for the parameter",
                "note: 'start' is the trial attribute; write params.start for the parameter");
        assertThat(ROWS.stream().filter(FilterParser.parseAndOnly("sampler = 'tpe'", shadowing)::matches)
                .map(r -> r.trial().number())).containsExactly(0, 2);
        assertThat(FilterParser.parseAndOnly("sampler = 'tpe' and end > '2026'", CATALOG).notes()).as("no such parameter").isEmpty();
    }

    @Test
    void startAndEndCompareAsUtcTimesInTextForm() {
        assertThat(matching("attributes.start_time >= '2026-01-01T00:02'")).containsExactly(2, 3);
        assertThat(matching("end < '2026-01-01T00:01:00'")).containsExactly(0);
    }

    @Test
    void orNotAndParenthesesAreRefusedSayingMlflowHasOnlyAnd() {
        assertThatThrownBy(() -> matching("params.lr > 0.01 or state = 'FAIL'")).isInstanceOf(FilterException.class)
                .hasMessage("filter 'params.lr > 0.01 or state = 'FAIL'': MLflow's filter syntax joins comparisons with AND only"
                        + " and has no OR (for several values of one field use IN ('a', 'b')) at position 18, got 'or'");
        assertThatThrownBy(() -> matching("NOT state = 'FAIL'")).hasMessageContaining("has no NOT").hasMessageContaining("position 1");
        assertThatThrownBy(() -> matching("(state = 'FAIL')")).hasMessageContaining("has no parentheses");
        assertThat(FilterParser.parse("params.lr > 0.05 or state = 'PRUNED'", CATALOG).source()).as("the dashboard's grammar")
                .isNotEmpty();
    }

    @Test
    void everyMistakeNamesWhereWhatWasFoundAndWhatWasExpected() {
        assertThatThrownBy(() -> matching("foo.lr > 1")).hasMessageStartingWith("unknown field prefix 'foo' in 'foo.lr': expected "
                + "attributes., metrics., params., tags., user_attr. or a field without a prefix");
        assertThatThrownBy(() -> matching("params.lr => 1")).hasMessageContaining("unknown operator '=>' at position 11, expected one of "
                + "= != < <= > >= ~ LIKE ILIKE IN");
        assertThatThrownBy(() -> matching("params.lr BETWEEN 1")).hasMessageContaining("expected an operator (= != < <= > >= ~ LIKE"
                + " ILIKE IN) after 'params.lr' at position 11, got 'BETWEEN'");
        assertThatThrownBy(() -> matching("params.optimizer = 'adam")).hasMessageContaining("the quote opened at position 20 is never"
                + " closed");
        assertThatThrownBy(() -> matching("params.optimizer IN ('adam'")).hasMessageContaining("expected ',' or ')' to close the IN list"
                + " at the end");
        assertThatThrownBy(() -> matching("params.optimizer IN 'adam'")).hasMessageContaining("expected '(' after IN at position 21");
        assertThatThrownBy(() -> matching("params.lr > 1 params.lr < 2")).hasMessageContaining("expected AND or the end at position 15");
        assertThatThrownBy(() -> matching("params.lr >")).hasMessageContaining("expected a value at the end");
    }

    @Test
    void anUnknownParameterMetricOrAttributeSuggestsTheNearestName() {
        assertThatThrownBy(() -> matching("metrics.val_acc > 0.9")).isInstanceOf(FilterException.class)
                .hasMessageStartingWith("unknown field 'metrics.val_acc': no trial has a metric 'val_acc' (did you mean"
                        + " 'metrics.val_accuracy'?); fields are number, state");
        assertThatThrownBy(() -> matching("params.lrr > 0")).hasMessageContaining("no trial has a parameter 'lrr' (did you mean"
                + " 'params.lr'?)");
        assertThatThrownBy(() -> matching("val_acc.max > 0")).hasMessageContaining("(did you mean 'val_accuracy.max'?)");
        assertThatThrownBy(() -> matching("attributes.stats = 'COMPLETE'")).hasMessageContaining("there is no attribute 'stats'"
                + " (did you mean 'attributes.state'?)");
        assertThatThrownBy(() -> matching("optimiser = 'adam'")).hasMessageContaining("unknown field 'optimiser' (did you mean"
                + " 'optimizer'?)");
    }
}
