package io.tunelab.cli.bench;

import io.tunelab.bench.ShippedScript;
import io.tunelab.bench.peer.OptunaPeer;
import io.tunelab.bench.samplers.BenchProblem;
import io.tunelab.bench.samplers.BenchProblems;
import io.tunelab.bench.samplers.BenchReport;
import io.tunelab.bench.samplers.BoundShareTable;
import io.tunelab.bench.samplers.NoiseScale;
import io.tunelab.bench.samplers.PeerComparison;
import io.tunelab.bench.samplers.SamplerBenchmark;
import io.tunelab.bench.samplers.SamplerCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tunelab bench samplers}: runs samplers × problems × seeds, prints median and mean regret per
 * checkpoint and sampler time per trial, and writes the CSV of PROBLEMS.md's output contract.
 */
@Command(name = "samplers", mixinStandardHelpOptions = true,
        description = "Regret of samplers, and of peers (e.g. Optuna) side by side, on the benchmark problems (CSV: problem,"
                + "sampler,seed,trials,regret,sampler_ms_per_trial).")
public final class BenchSamplersCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--problems", defaultValue = "all", paramLabel = "LIST", completionCandidates = KnownNames.Problems.class,
            description = "Comma-separated problems; 'all' (default) is the catalogue of PROBLEMS.md, 'classic' the classic "
                    + "multimodal functions in 5 and 6 dimensions (rastrigin5 to michalewicz5), 'small' classic functions of 2 and 3"
                    + " parameters (six_hump_camel to rastrigin3). Known: ${COMPLETION-CANDIDATES}.")
    String problems;

    @Option(names = "--peer", paramLabel = "CMD",
            description = "A peer speaking ask/tell in JSON lines (repeatable), run on the same problems and seeds after "
                    + "the samplers, e.g. optuna:random|tpe|tpe-multivariate|cmaes|nsga2 for the shipped Optuna peer (on"
                    + " problems of several objectives, such as zdt1, tpe is Optuna's MOTPE).")
    List<String> peers = List.of();

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

    @Option(names = "--noise", defaultValue = "0", paramLabel = "LEVEL",
            description = "Observation noise, as a trained model's validation score has: every value gets Gaussian noise of"
                    + " standard deviation LEVEL x the problem's spread (the median regret of 1,000 random points), the same"
                    + " draws for every sampler and peer on a seed; the regret is then the true value of the trial with the"
                    + " best observed value, as a user picking the best trial gets. Default 0 (none); with noise, problems"
                    + " of several objectives are skipped.")
    double noise;

    @Option(names = "--quick", description = "The small setting the test suite runs: branin and zdt1; random, tpe "
            + "and nsga2; 2 seeds, 25 trials (overrides the other options).")
    boolean quick;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Also write the rows as CSV.")
    Path out;

    private List<String> peerCommands() {
        if (peers.isEmpty()) {
            return List.of();
        }
        Path script = ShippedScript.locate("optuna_peer.py", Path.of(""), System.getenv("TUNELAB_LAUNCHER"));
        return peers.stream().map(p -> OptunaPeer.command(p, script)).toList();
    }

    @Override
    public Integer call() {
        SamplerBenchmark.Settings settings = quick ? SamplerBenchmark.Settings.quick()
                : new SamplerBenchmark.Settings(BenchProblems.parse(problems), SamplerCatalog.parse(samplers),
                        firstSeed, seeds, trials, threads, peerCommands(), noise);
        PrintWriter w = spec.commandLine().getOut();
        List<BenchProblem> runnable = settings.runnable();
        List<String> noiseless = settings.problems().stream().filter(p -> !runnable.contains(p))
                .map(BenchProblem::name).toList();
        if (!noiseless.isEmpty()) {
            w.println("--noise skips " + String.join(", ", noiseless) + ": several objectives");
        }
        if (settings.noise() > 0) {
            w.printf("observation noise: sd = %s x spread (%s); regret = true value of the best observed trial - f*%n",
                    settings.noise(), runnable.stream().map(p -> String.format(Locale.ROOT, "%s %.4g",
                            p.name(), NoiseScale.of(p))).collect(Collectors.joining(", ")));
        }
        long start = System.nanoTime();
        var rows = SamplerBenchmark.run(settings);
        w.print(BenchReport.samplersTable(rows));
        Set<String> peerNames = rows.stream().map(SamplerBenchmark.Row::sampler)
                .filter(s -> !settings.samplers().contains(s)).collect(Collectors.toCollection(LinkedHashSet::new));
        w.print(PeerComparison.table(rows, peerNames));
        w.print(BoundShareTable.of(rows));
        w.printf("%d runs in %.1f s; regret = %s%n", rows.stream().map(r -> r.problem() + r.sampler() + r.seed()).distinct()
                .count(), (System.nanoTime() - start) / 1e9, settings.noise() > 0
                ? "true value of the best observed trial - f*" : "best value - f* (zdt: true front's hypervolume - found front's)");
        if (out != null) {
            BenchReport.writeSamplersCsv(rows, out);
            w.println("wrote " + out);
        }
        w.flush();
        return 0;
    }
}
