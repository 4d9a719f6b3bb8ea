package io.tunelab.cli.bench;

import io.tunelab.bench.samplers.BenchProblems;
import io.tunelab.bench.samplers.BenchReport;
import io.tunelab.bench.samplers.SamplerBenchmark;
import io.tunelab.bench.samplers.SamplerCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tunelab bench samplers}: runs samplers × problems × seeds, prints median and mean regret per
 * checkpoint and sampler time per trial, and writes the CSV of PROBLEMS.md's output contract.
 */
@Command(name = "samplers", mixinStandardHelpOptions = true,
        description = "Regret of samplers on the benchmark problems (CSV: problem,sampler,seed,trials,regret,"
                + "sampler_ms_per_trial).")
public final class BenchSamplersCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--problems", defaultValue = "all", paramLabel = "LIST", completionCandidates = KnownNames.Problems.class,
            description = "Comma-separated problems, or 'all' (default). Known: ${COMPLETION-CANDIDATES}.")
    String problems;

    @Option(names = "--samplers", defaultValue = "random,tpe", paramLabel = "LIST", completionCandidates = KnownNames.Samplers.class,
            description = "Comma-separated samplers (default: ${DEFAULT-VALUE}). Known: ${COMPLETION-CANDIDATES} "
                    + "(tpe-optuna is Optuna 3.1's TPE).")
    String samplers;

    @Option(names = "--seeds", defaultValue = "10", paramLabel = "N",
            description = "How many seeds, from --first-seed on (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--first-seed", defaultValue = "1", paramLabel = "S",
            description = "The first seed (default: ${DEFAULT-VALUE}, the anchors' seeds 1..10); later seeds serve as "
                    + "held-out seeds when tuning a sampler.")
    int firstSeed;

    @Option(names = "--trials", defaultValue = "0", paramLabel = "T",
            description = "Trials per run; 0 (default) uses each problem's budget (100, or 200 for ackley10 and "
                    + "styblinski_tang8).")
    int trials;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "Runs executed at once (default: ${DEFAULT-VALUE}); sampler times are cleanest with 1.")
    int threads;

    @Option(names = "--quick", description = "The small setting the test suite runs: branin and zdt1; random, tpe "
            + "and nsga2; 2 seeds, 25 trials (overrides the other options).")
    boolean quick;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Also write the rows as CSV.")
    Path out;

    @Override
    public Integer call() {
        SamplerBenchmark.Settings settings = quick ? SamplerBenchmark.Settings.quick()
                : new SamplerBenchmark.Settings(BenchProblems.parse(problems), SamplerCatalog.parse(samplers),
                        firstSeed, seeds, trials, threads);
        long start = System.nanoTime();
        var rows = SamplerBenchmark.run(settings);
        PrintWriter w = spec.commandLine().getOut();
        w.print(BenchReport.samplersTable(rows));
        w.printf("%d runs in %.1f s; regret = best value - f* (zdt: true front's hypervolume - found front's)%n",
                rows.stream().map(r -> r.problem() + r.sampler() + r.seed()).distinct().count(),
                (System.nanoTime() - start) / 1e9);
        if (out != null) {
            BenchReport.writeSamplersCsv(rows, out);
            w.println("wrote " + out);
        }
        w.flush();
        return 0;
    }
}
