package io.tunelab.cli.query;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.output.TextTable;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code tunelab compare STUDY T1 T2 ...}: trials side by side, one column per trial, one row per
 * state, value, parameter and metric (last value); rows whose values differ are marked with {@code *} (in JSON,
 * {@code "differs": true}).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, description = "Compare trials of a study side by side.")
public final class CompareCommand extends StudyCommand {

    @Parameters(index = "0", paramLabel = "STUDY", description = "Study name.")
    String study;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TRIAL", description = "Trial numbers (2 to 10).")
    List<Integer> numbers;

    CompareCommand(Wiring wiring) {
        super(wiring);
    }

    @Override
    int run(TrialStorage storage, PrintWriter out) {
        if (numbers.size() < 2 || numbers.size() > 10) {
            throw new CliException("compare shows 2 to 10 trials side by side, got " + numbers.size() + " trial number"
                    + (numbers.size() == 1 ? "" : "s") + " " + numbers);
        }
        StudyRecord s = study(storage, study);
        List<FrozenTrial> trials = new ArrayList<>();
        for (int n : numbers) {
            trials.add(TrialCommand.trial(storage, s, n));
        }
        List<String> columns = new ArrayList<>(List.of("", "field"));
        trials.forEach(t -> columns.add("trial " + t.number()));
        List<List<Object>> rows = new ArrayList<>();
        add(rows, "state", trials, t -> t.state().name());
        for (int i = 0; i < s.directions().size(); i++) {
            int k = i;
            add(rows, s.directions().size() == 1 ? "value" : "value_" + i, trials,
                    t -> k < t.values().size() ? t.values().get(k) : null);
        }
        Set<String> params = new LinkedHashSet<>();
        trials.forEach(t -> params.addAll(t.params().keySet()));
        for (String p : params) {
            add(rows, "param:" + p, trials, t -> t.params().get(p));
        }
        Set<String> metrics = new LinkedHashSet<>();
        trials.forEach(t -> metrics.addAll(storage.metricNames(t.id())));
        for (String m : metrics) {
            add(rows, "last:" + m, trials, t -> {
                List<MetricPoint> series = storage.metrics(t.id(), m);
                return series.isEmpty() ? null : series.get(series.size() - 1).value();
            });
        }
        List<String> keys = new ArrayList<>(columns);
        keys.set(0, "differs");
        out.print(new TextTable(columns, rows, keys).render(format));
        out.flush();
        return 0;
    }

    /**
     * What two cells are compared by: floating-point numbers to 12 significant digits, so that two sums that differ
     * in the last bit (0.9291666666666667 and 0.9291666666666666) are the same value; anything else as text.
     */
    private static String key(Object v) {
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? new java.math.BigDecimal(d).round(new java.math.MathContext(12)).stripTrailingZeros()
                    .toPlainString() : String.valueOf(d);
        }
        return v == null ? "" : v.toString();
    }

    private static void add(List<List<Object>> rows, String field, List<FrozenTrial> trials,
                            java.util.function.Function<FrozenTrial, Object> cell) {
        List<Object> values = new ArrayList<>();
        trials.forEach(t -> values.add(cell.apply(t)));
        boolean differs = values.stream().map(CompareCommand::key).distinct().count() > 1;
        List<Object> row = new ArrayList<>();
        row.add(new TextTable.Cell(differs ? "*" : "", differs));
        row.add(field);
        row.addAll(values);
        rows.add(row);
    }
}
