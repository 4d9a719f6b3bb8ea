package io.tunelab.bench.samplers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Per problem over a box and per sampler or peer: the median over seeds, at the problem's budget, of the share of
 * proposals after the start-up that put a coordinate exactly on a bound ({@link BoundHits}). A GP that runs into the
 * walls shows here, on every box problem a benchmark runs, not only on those a test checks. Stateless.
 */
public final class BoundShareTable {

    private BoundShareTable() {
    }

    /** The table, or an empty string when no row has a bound share (no problem over a box, or budgets of 10 or less). */
    public static String of(List<SamplerBenchmark.Row> rows) {
        Map<String, Integer> budget = new LinkedHashMap<>();
        for (SamplerBenchmark.Row r : rows) {
            budget.merge(r.problem(), r.trials(), Math::max);
        }
        Set<String> samplers = new LinkedHashSet<>();
        Map<String, Map<String, List<Double>>> shares = new LinkedHashMap<>();
        for (SamplerBenchmark.Row r : rows) {
            if (r.trials() == budget.get(r.problem()) && !Double.isNaN(r.boundShare())) {
                samplers.add(r.sampler());
                shares.computeIfAbsent(r.problem(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(r.sampler(), k -> new ArrayList<>()).add(r.boundShare());
            }
        }
        if (shares.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%nproposals after the first %d trials with a"
                + " coordinate on a bound of the box (median share over seeds, at the budget)%n%-18s", BoundHits.SKIPPED,
                "problem"));
        for (String s : samplers) {
            sb.append(String.format(Locale.ROOT, " %" + Math.max(6, s.length()) + "s", s));
        }
        sb.append('\n');
        for (var p : shares.entrySet()) {
            sb.append(String.format(Locale.ROOT, "%-18s", p.getKey()));
            for (String s : samplers) {
                List<Double> v = p.getValue().get(s);
                String cell = v == null ? "-" : String.format(Locale.ROOT, "%.0f%%",
                        100 * BenchReport.median(v.stream().mapToDouble(Double::doubleValue).toArray()));
                sb.append(String.format(Locale.ROOT, " %" + Math.max(6, s.length()) + "s", cell));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
