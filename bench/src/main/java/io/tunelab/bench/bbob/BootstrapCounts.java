package io.tunelab.bench.bbob;

import io.tunelab.bench.samplers.BenchReport;
import io.tunelab.search.SearchException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How far the counts of {@link BbobReport#peerComparison} move with the runs behind them. Each sampler's runs of a
 * function in a dimension (instances × seeds) are drawn again with replacement, as many as it has, the medians and the
 * counts recomputed, {@code resamples} times; the table gives each observed count with the 5th and 95th percentiles of
 * its resampled values. A count whose range is wide rests on functions where the medians are near ties, and another
 * set of runs of the same length may well give any value inside it. A range need not be centred on its count:
 * resampling spreads every median, so near ties fall either way, and a count has as many of each kind as its functions
 * happen to give; and the least of several resampled peer medians is biased low. So the ranges say how far one set of
 * runs decides a count, not what the count is.
 *
 * <p>Deterministic: the same rows (in the same order), resamples and seed give the same table. Stateless.
 */
public final class BootstrapCounts {
    /** The percentiles of the resampled counts that the table prints. */
    public static final double LOW = 0.05;
    public static final double HIGH = 0.95;

    private BootstrapCounts() {
    }

    /**
     * The observed counts of {@link BbobReport#peerComparison} with their 5–95% bootstrap ranges, per dimension and
     * Tunelab sampler; empty when no peer ran or {@code resamples} is 0.
     *
     * @throws SearchException when {@code resamples} is negative, naming the value
     */
    public static String table(List<BbobBenchmark.Row> rows, int resamples, long seed) {
        if (resamples < 0) {
            throw new SearchException("bootstrap resamples must be >= 0 (0: none), got " + resamples);
        }
        List<String> samplers = BbobReport.samplers(rows);
        List<String> peers = BbobReport.peers(samplers);
        List<String> ours = BbobReport.ours(samplers);
        if (peers.isEmpty() || resamples == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%nthe counts above with their %.0f-%.0f%% range"
                + " over %d bootstrap resamples of each sampler's runs per function (seed %d)%n", 100 * LOW, 100 * HIGH,
                resamples, seed));
        SplittableRandom random = new SplittableRandom(seed);
        List<List<String>> peerSets = new ArrayList<>();
        peerSets.add(peers);
        peers.forEach(p -> peerSets.add(List.of(p)));
        Map<Integer, Map<Integer, Map<String, Double>>> observedMedians = BbobReport.medians(rows);
        BbobReport.grouped(rows, BbobBenchmark.Row::normalizedRegret).forEach((dim, byFunction) -> {
            int[][][] counts = new int[ours.size()][peerSets.size()][resamples];
            for (int b = 0; b < resamples; b++) {
                Map<Integer, Map<String, Double>> medians = resampledMedians(byFunction, random);
                for (int s = 0; s < ours.size(); s++) {
                    for (int p = 0; p < peerSets.size(); p++) {
                        double factor = p == 0 ? 1 : BbobReport.TOLERANCE;
                        counts[s][p][b] = (int) BbobReport.count(medians, ours.get(s), peerSets.get(p), factor);
                    }
                }
            }
            Map<Integer, Map<String, Double>> observed = observedMedians.get(dim);
            sb.append(String.format(Locale.ROOT, "D = %d (%d function%s)%n", dim, byFunction.size(),
                    byFunction.size() == 1 ? "" : "s"));
            for (int s = 0; s < ours.size(); s++) {
                sb.append(String.format(Locale.ROOT, "  %-24s <= best peer: %s", ours.get(s),
                        cell(BbobReport.count(observed, ours.get(s), peers, 1), counts[s][0])));
                for (int p = 1; p < peerSets.size(); p++) {
                    sb.append(String.format(Locale.ROOT, "   <= %.2fx %s: %s", BbobReport.TOLERANCE, peers.get(p - 1),
                            cell(BbobReport.count(observed, ours.get(s), peerSets.get(p), BbobReport.TOLERANCE),
                                    counts[s][p])));
                }
                sb.append('\n');
            }
        });
        return sb.toString();
    }

    /** The median of each sampler's runs drawn again with replacement, per function, in the groups' order. */
    private static Map<Integer, Map<String, Double>> resampledMedians(Map<Integer, Map<String, List<Double>>> byFunction,
                                                                      SplittableRandom random) {
        Map<Integer, Map<String, Double>> out = new LinkedHashMap<>();
        byFunction.forEach((f, bySampler) -> bySampler.forEach((s, values) -> {
            double[] drawn = new double[values.size()];
            for (int i = 0; i < drawn.length; i++) {
                drawn[i] = values.get(random.nextInt(values.size()));
            }
            out.computeIfAbsent(f, k -> new LinkedHashMap<>()).put(s, BenchReport.median(drawn));
        }));
        return out;
    }

    /** "19 (16-21)": the observed count and the percentiles of the resampled ones. */
    private static String cell(long observed, int[] resampled) {
        int[] sorted = resampled.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%2d (%d-%d)", observed, percentile(sorted, LOW), percentile(sorted, HIGH));
    }

    /** The nearest-rank percentile {@code q} of {@code sorted}. */
    static int percentile(int[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
