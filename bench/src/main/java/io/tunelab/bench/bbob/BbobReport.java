package io.tunelab.bench.bbob;

import io.tunelab.bench.samplers.BenchReport;
import io.tunelab.bench.samplers.SamplerCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * The output of {@code bench bbob} (its CSV is {@link BbobCsv}): one table per dimension (median normalised regret over
 * instances, per function and sampler) and, when peers ran, how many functions each Tunelab sampler's
 * median is at most the best peer's and at most 1.25 times each peer's, and on how many it is not
 * significantly worse than each peer by a one-sided rank-sum test ({@link RankSum}). Stateless.
 */
public final class BbobReport {
    /** The significance level of the rank-sum comparison. */
    public static final double ALPHA = 0.05;
    /** The factor of the "within 1.25× a peer" count. */
    public static final double TOLERANCE = 1.25;

    private BbobReport() {
    }

    /**
     * Everything {@code bench bbob} prints after its runs: {@link #tables}, {@link #peerComparison},
     * {@link #rankSumComparison} and, when {@code base} is not null, {@link PairedComparison#table}.
     */
    public static String all(List<BbobBenchmark.Row> rows, String base) {
        return tables(rows) + peerComparison(rows) + rankSumComparison(rows) + PairedComparison.table(rows, base);
    }

    /** Median normalised regret per (dimension, function, sampler), samplers in first-seen order. */
    public static Map<Integer, Map<Integer, Map<String, Double>>> medians(List<BbobBenchmark.Row> rows) {
        Map<Integer, Map<Integer, Map<String, Double>>> out = new LinkedHashMap<>();
        Map<Integer, Map<Integer, Map<String, List<Double>>>> groups = grouped(rows, BbobBenchmark.Row::normalizedRegret);
        groups.forEach((dim, byFunction) -> byFunction.forEach((f, bySampler) -> bySampler.forEach((s, values) ->
                out.computeIfAbsent(dim, k -> new LinkedHashMap<>()).computeIfAbsent(f, k -> new LinkedHashMap<>())
                        .put(s, BenchReport.median(values.stream().mapToDouble(Double::doubleValue).toArray())))));
        return out;
    }

    /** One table per dimension: a line per function, a column per sampler, then the sampler's ms per trial. */
    public static String tables(List<BbobBenchmark.Row> rows) {
        List<String> samplers = samplers(rows);
        StringBuilder sb = new StringBuilder();
        medians(rows).forEach((dim, byFunction) -> {
            sb.append(String.format(Locale.ROOT, "%nD = %d: median normalized regret (0 = optimum, 1 = random search)%n", dim));
            sb.append(String.format(Locale.ROOT, "%-26s", "function"));
            samplers.forEach(s -> sb.append(String.format(Locale.ROOT, " %17s", s)));
            sb.append('\n');
            for (var f : new TreeSet<>(byFunction.keySet())) {
                sb.append(String.format(Locale.ROOT, "%-26s", "f" + f + " " + BbobFunction.nameOf(f)));
                samplers.forEach(s -> sb.append(String.format(Locale.ROOT, " %17s", cell(byFunction.get(f).get(s)))));
                sb.append('\n');
            }
            sb.append(String.format(Locale.ROOT, "%-26s", "ms/trial"));
            samplers.forEach(s -> sb.append(String.format(Locale.ROOT, " %17.2f", rows.stream()
                    .filter(r -> r.dim() == dim && r.sampler().equals(s)).mapToDouble(BbobBenchmark.Row::msPerTrial)
                    .average().orElse(Double.NaN))));
            sb.append('\n');
        });
        return sb.toString();
    }

    /**
     * Per dimension and Tunelab sampler: on how many functions its median normalised regret is at most
     * the best peer's, and at most {@link #TOLERANCE} times each peer's. Empty when no peer ran.
     */
    public static String peerComparison(List<BbobBenchmark.Row> rows) {
        List<String> samplers = samplers(rows);
        List<String> peers = peers(samplers);
        List<String> ours = ours(samplers);
        if (peers.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "%nfunctions where the sampler's median normalized regret is <= the best peer's, and <= %.2fx each peer's%n",
                TOLERANCE));
        medians(rows).forEach((dim, byFunction) -> {
            sb.append(String.format(Locale.ROOT, "D = %d (%s)%n", dim, plural(byFunction.size(), "function")));
            for (String s : ours) {
                sb.append(String.format(Locale.ROOT, "  %-24s <= best peer: %2d", s, count(byFunction, s, peers, 1)));
                for (String p : peers) {
                    sb.append(String.format(Locale.ROOT, "   <= %.2fx %s: %2d", TOLERANCE, p,
                            count(byFunction, s, List.of(p), TOLERANCE)));
                }
                sb.append('\n');
            }
        });
        return sb.toString();
    }

    /**
     * Per dimension, Tunelab sampler and peer: on how many functions the sampler's regrets over all runs
     * (instances × seeds) are not significantly worse than the peer's (one-sided Mann–Whitney test, p ≥
     * {@link #ALPHA}), and on how many they are significantly better. With one run per instance the test
     * has little power, so run several seeds ({@code --runs}). Empty when no peer ran.
     */
    public static String rankSumComparison(List<BbobBenchmark.Row> rows) {
        List<String> samplers = samplers(rows);
        List<String> peers = peers(samplers);
        List<String> ours = ours(samplers);
        if (peers.isEmpty()) {
            return "";
        }
        Map<Integer, Map<Integer, Map<String, List<Double>>>> regrets = grouped(rows, BbobBenchmark.Row::regret);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "%nfunctions where the sampler's regrets are not significantly worse / significantly better than the peer's"
                        + " (one-sided rank-sum test, alpha %.2f)%n", ALPHA));
        regrets.forEach((dim, byFunction) -> {
            TreeSet<Integer> sizes = runsPerSampler(byFunction);
            String runs = sizes.size() == 1 ? String.valueOf(sizes.first()) : sizes.first() + "-" + sizes.last();
            sb.append(String.format(Locale.ROOT, "D = %d (%s, %s run%s each)%n", dim, plural(byFunction.size(), "function"),
                    runs, runs.equals("1") ? "" : "s"));
            int fewest = sizes.first();
            if (!RankSum.canReach(fewest, fewest, ALPHA)) {
                sb.append(String.format(Locale.ROOT, "  not compared: with %d run%s per function a side the test cannot"
                        + " reach alpha %.2f (%d or more can); pass --runs or more --instances%n", fewest,
                        fewest == 1 ? "" : "s", ALPHA, fewestReaching()));
                return;
            }
            for (String s : ours) {
                sb.append(String.format(Locale.ROOT, "  %-24s", s));
                for (String p : peers) {
                    long notWorse = 0;
                    long better = 0;
                    for (Map<String, List<Double>> bySampler : byFunction.values()) {
                        List<Double> a = bySampler.get(s);
                        List<Double> b = bySampler.get(p);
                        if (a == null || b == null) {
                            continue;
                        }
                        notWorse += RankSum.pGreater(a, b) >= ALPHA ? 1 : 0;
                        better += RankSum.pGreater(b, a) < ALPHA ? 1 : 0;
                    }
                    sb.append(String.format(Locale.ROOT, "   vs %s: %2d / %2d", p, notWorse, better));
                }
                sb.append('\n');
            }
        });
        return sb.toString();
    }

    /** "1 function", "2 functions". */
    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** The peers among {@code samplers}: the names that are not Tunelab samplers, in order. */
    static List<String> peers(List<String> samplers) {
        return samplers.stream().filter(s -> !SamplerCatalog.names().contains(s)).toList();
    }

    /** The Tunelab samplers among {@code samplers}, in order. */
    static List<String> ours(List<String> samplers) {
        return samplers.stream().filter(s -> SamplerCatalog.names().contains(s)).toList();
    }

    /** {@code value} of the rows per (dimension, function, sampler), in first-seen order. */
    static Map<Integer, Map<Integer, Map<String, List<Double>>>> grouped(List<BbobBenchmark.Row> rows,
                                                                      ToDoubleFunction<BbobBenchmark.Row> value) {
        Map<Integer, Map<Integer, Map<String, List<Double>>>> groups = new LinkedHashMap<>();
        for (BbobBenchmark.Row r : rows) {
            groups.computeIfAbsent(r.dim(), k -> new LinkedHashMap<>()).computeIfAbsent(r.function(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.sampler(), k -> new ArrayList<>()).add(value.applyAsDouble(r));
        }
        return groups;
    }

    /** The fewest values a side with which the rank-sum test can reach {@link #ALPHA}. */
    private static int fewestReaching() {
        int n = 1;
        while (!RankSum.canReach(n, n, ALPHA)) {
            n++;
        }
        return n;
    }

    /** The numbers of runs per function and sampler, in order. */
    private static TreeSet<Integer> runsPerSampler(Map<Integer, Map<String, List<Double>>> byFunction) {
        TreeSet<Integer> sizes = new TreeSet<>();
        byFunction.values().forEach(m -> m.values().forEach(l -> sizes.add(l.size())));
        return sizes;
    }

    /**
     * The functions of {@code byFunction} (function to sampler to median) where {@code sampler}'s median is at most
     * {@code factor} times the least of {@code peers}' medians; a function without either is not counted.
     */
    static long count(Map<Integer, Map<String, Double>> byFunction, String sampler, List<String> peers,
                      double factor) {
        return byFunction.values().stream().filter(m -> {
            double ours = m.getOrDefault(sampler, Double.NaN);
            double theirs = peers.stream().mapToDouble(p -> m.getOrDefault(p, Double.NaN)).min().orElse(Double.NaN);
            return !Double.isNaN(ours) && !Double.isNaN(theirs) && ours <= factor * theirs;
        }).count();
    }

    /** The samplers of {@code rows} in first-seen order. */
    static List<String> samplers(List<BbobBenchmark.Row> rows) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        rows.forEach(r -> names.add(r.sampler()));
        return List.copyOf(names);
    }

    private static String cell(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.3g", v);
    }
}
