package io.tunelab.bench.bbob;

import io.tunelab.bench.samplers.BenchReport;
import io.tunelab.search.SearchException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every sampler against a base sampler on the same runs, per dimension: on how many functions its median regret is
 * lower, higher or equal, and in how many runs paired by (function, instance, seed) its regret is lower (better),
 * higher (worse) or equal. Paired runs see the same function instance and the same seed, so the pairing takes out
 * the instance-to-instance spread a comparison of medians keeps. This is how a variant of a sampler is judged
 * against the sampler it changes (see {@code docs/sampler-benchmarks.md}). Stateless.
 */
public final class PairedComparison {
    private PairedComparison() {
    }

    /** Counts of one sampler against the base in one dimension. */
    public record Counts(int lowerMedians, int higherMedians, int equalMedians, int better, int worse, int tied) {
    }

    /**
     * Per dimension and sampler other than {@code base}, its counts against {@code base}, over the functions and
     * runs both have.
     *
     * @throws SearchException when no row is of {@code base}, naming the samplers there are
     */
    public static Map<Integer, Map<String, Counts>> counts(List<BbobBenchmark.Row> rows, String base) {
        LinkedHashSet<String> samplers = new LinkedHashSet<>();
        rows.forEach(r -> samplers.add(r.sampler()));
        if (!samplers.contains(base)) {
            throw new SearchException("base sampler '" + base + "' has no runs here; the samplers are " + samplers);
        }
        // dim -> function -> sampler -> "instance seed" -> regret
        Map<Integer, Map<Integer, Map<String, Map<String, Double>>>> runs = new TreeMap<>();
        rows.forEach(r -> runs.computeIfAbsent(r.dim(), k -> new TreeMap<>()).computeIfAbsent(r.function(), k -> new TreeMap<>())
                .computeIfAbsent(r.sampler(), k -> new LinkedHashMap<>()).put(r.instance() + " " + r.seed(), r.regret()));
        Map<Integer, Map<String, Counts>> out = new TreeMap<>();
        runs.forEach((dim, byFunction) -> {
            Map<String, Counts> bySampler = new LinkedHashMap<>();
            for (String s : samplers) {
                if (!s.equals(base)) {
                    Counts c = countsOf(byFunction, s, base);
                    if (c.better() + c.worse() + c.tied() > 0) {
                        bySampler.put(s, c);
                    }
                }
            }
            out.put(dim, bySampler);
        });
        return out;
    }

    private static Counts countsOf(Map<Integer, Map<String, Map<String, Double>>> byFunction, String sampler, String base) {
        int[] c = new int[6];
        byFunction.values().forEach(bySampler -> {
            Map<String, Double> ours = bySampler.get(sampler);
            Map<String, Double> theirs = bySampler.get(base);
            if (ours == null || theirs == null) {
                return;
            }
            List<Double> a = new ArrayList<>();
            List<Double> b = new ArrayList<>();
            ours.forEach((run, regret) -> {
                Double other = theirs.get(run);
                if (other != null) {
                    a.add(regret);
                    b.add(other);
                    int cmp = Double.compare(regret, other);
                    c[cmp < 0 ? 3 : cmp > 0 ? 4 : 5]++;
                }
            });
            if (!a.isEmpty()) {
                int cmp = Double.compare(median(a), median(b));
                c[cmp < 0 ? 0 : cmp > 0 ? 1 : 2]++;
            }
        });
        return new Counts(c[0], c[1], c[2], c[3], c[4], c[5]);
    }

    private static double median(List<Double> values) {
        return BenchReport.median(values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The counts as a table per dimension, or empty when {@code base} is null. */
    public static String table(List<BbobBenchmark.Row> rows, String base) {
        if (base == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%nagainst %s on the same runs: functions where the"
                + " median regret is lower / higher / equal, and runs (paired by function, instance and seed) better /"
                + " worse / tied%n", base));
        counts(rows, base).forEach((dim, bySampler) -> {
            sb.append(String.format(Locale.ROOT, "D = %d%n", dim));
            bySampler.forEach((s, c) -> sb.append(String.format(Locale.ROOT, "  %-24s medians %2d / %2d / %2d   runs %4d / %4d / %4d%n",
                    s, c.lowerMedians(), c.higherMedians(), c.equalMedians(), c.better(), c.worse(), c.tied())));
        });
        return sb.toString();
    }
}
