package io.tunelab.bench.samplers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tunelab's samplers against the peers run in the same benchmark run ({@link PeerRuns}): per problem, each sampler's
 * median regret at the problem's budget divided by each peer's (below 1: lower regret than the peer), and per sampler
 * on how many problems its median is at most the best peer's. Only problems with peer rows count. Stateless.
 */
public final class PeerComparison {
    private PeerComparison() {
    }

    /** The table for {@code rows}, where the samplers named in {@code peers} are the peers; empty without peer rows. */
    public static String table(List<SamplerBenchmark.Row> rows, Collection<String> peers) {
        Map<String, Map<String, Double>> medians = mediansAtBudget(rows);
        Set<String> ours = new LinkedHashSet<>();
        Set<String> theirs = new LinkedHashSet<>();
        for (Map<String, Double> bySampler : medians.values()) {
            for (String s : bySampler.keySet()) {
                (peers.contains(s) ? theirs : ours).add(s);
            }
        }
        StringBuilder sb = new StringBuilder();
        String columns = "%-18s %-" + BenchReport.width(ours.stream()) + "s";
        Map<String, int[]> atMostBest = new LinkedHashMap<>();
        for (var problem : medians.entrySet()) {
            List<String> present = theirs.stream().filter(problem.getValue()::containsKey).toList();
            if (present.isEmpty()) {
                continue;
            }
            if (sb.length() == 0) {
                sb.append(String.format(Locale.ROOT, "%nmedian regret at the budget over each peer's (same problems and"
                        + " seeds; below 1: lower regret than the peer)%n" + columns, "problem", "sampler"));
                theirs.forEach(p -> sb.append(String.format(Locale.ROOT, " %" + Math.max(12, p.length()) + "s", p)));
                sb.append('\n');
            }
            double best = present.stream().mapToDouble(problem.getValue()::get).min().orElseThrow();
            for (String s : ours) {
                Double mine = problem.getValue().get(s);
                if (mine == null) {
                    continue;
                }
                sb.append(String.format(Locale.ROOT, columns, problem.getKey(), s));
                for (String p : theirs) {
                    Double peer = problem.getValue().get(p);
                    sb.append(String.format(Locale.ROOT, " %" + Math.max(12, p.length()) + "s", peer == null ? "-" : ratio(mine, peer)));
                }
                sb.append('\n');
                int[] count = atMostBest.computeIfAbsent(s, k -> new int[2]);
                count[0] += mine <= best ? 1 : 0;
                count[1]++;
            }
        }
        atMostBest.forEach((s, c) -> sb.append(String.format(Locale.ROOT,
                "%s: median at most the best peer's on %d of %d problems%n", s, c[0], c[1])));
        return sb.toString();
    }

    /** {@code mine / peer} to two decimals; both 0 is 1 (a tie), only the peer's 0 is "inf". */
    static String ratio(double mine, double peer) {
        if (peer == 0) {
            return mine == 0 ? "1.00" : "inf";
        }
        return String.format(Locale.ROOT, "%.2f", mine / peer);
    }

    /** Per problem (in order of appearance), per sampler: the median regret at the problem's largest checkpoint. */
    static Map<String, Map<String, Double>> mediansAtBudget(List<SamplerBenchmark.Row> rows) {
        Map<String, Integer> budget = new LinkedHashMap<>();
        for (SamplerBenchmark.Row r : rows) {
            budget.merge(r.problem(), r.trials(), Math::max);
        }
        Map<String, Map<String, List<SamplerBenchmark.Row>>> groups = new LinkedHashMap<>();
        for (SamplerBenchmark.Row r : rows) {
            if (r.trials() == budget.get(r.problem())) {
                groups.computeIfAbsent(r.problem(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(r.sampler(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, Map<String, Double>> out = new LinkedHashMap<>();
        groups.forEach((problem, bySampler) -> bySampler.forEach((sampler, at) -> out
                .computeIfAbsent(problem, k -> new LinkedHashMap<>()).put(sampler, BenchReport.median(BenchReport.regrets(at)))));
        return out;
    }
}
