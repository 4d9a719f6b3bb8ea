package io.tunelab.bench.samplers;

/** Median regret of a catalogue sampler over seeds 1..n, for the sampler tests. */
public final class SamplerComparison {
    private SamplerComparison() {
    }

    /** Median regret after {@code trials} trials of {@code sampler} on {@code problem} over seeds 1..seeds. */
    public static double medianRegret(String problem, String sampler, int seeds, int trials) {
        BenchProblem p = BenchProblems.byName(problem);
        double[] regrets = new double[seeds];
        for (int seed = 1; seed <= seeds; seed++) {
            var rows = SamplerBenchmark.runOne(p, sampler, seed, trials);
            regrets[seed - 1] = rows.get(rows.size() - 1).regret();
        }
        return BenchReport.median(regrets);
    }
}
