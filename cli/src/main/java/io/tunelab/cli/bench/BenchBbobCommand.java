package io.tunelab.cli.bench;

import io.tunelab.bench.ShippedScript;
import io.tunelab.bench.bbob.BbobBenchmark;
import io.tunelab.bench.bbob.BbobCsv;
import io.tunelab.bench.bbob.BbobReport;
import io.tunelab.bench.bbob.NumberList;
import io.tunelab.bench.peer.OptunaPeer;
import io.tunelab.bench.samplers.SamplerCatalog;
import io.tunelab.cli.error.CliException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tunelab bench bbob}: Tunelab samplers and peer optimisers on the 24 BBOB noiseless functions. */
@Command(name = "bbob", mixinStandardHelpOptions = true,
        description = "Samplers and peers (e.g. Optuna) on the 24 BBOB noiseless functions, same instances and budget "
                + "(CSV: " + BbobCsv.HEADER + ").")
public final class BenchBbobCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--samplers", defaultValue = "random,tpe", paramLabel = "LIST", completionCandidates = KnownNames.Samplers.class,
            description = "Comma-separated Tunelab samplers (default: ${DEFAULT-VALUE}); random is always run, as the "
                    + "reference of the normalized regret. Known: ${COMPLETION-CANDIDATES}.")
    String samplers;

    @Option(names = "--functions", defaultValue = "1-24", paramLabel = "LIST", description = "Functions (default: ${DEFAULT-VALUE}).")
    String functions;

    @Option(names = "--dims", defaultValue = "2,5,10", paramLabel = "LIST", description = "Dimensions (default: ${DEFAULT-VALUE}).")
    String dims;

    @Option(names = "--instances", defaultValue = "4-5", paramLabel = "LIST",
            description = "Instances, also the runs' seeds (default: ${DEFAULT-VALUE}; 1-3 are the development split).")
    String instances;

    @Option(names = "--trials", defaultValue = "100", paramLabel = "T", description = "Trials per run (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--peer", paramLabel = "CMD",
            description = "A peer speaking ask/tell in JSON lines (repeatable): optuna:random|tpe|tpe-multivariate|cmaes for "
                    + "the shipped Optuna peer (run by Debian's /usr/bin/python3 with python3-optuna), or any command, e.g. "
                    + "\"/usr/bin/python3 bench/optuna_peer.py --sampler tpe\" from the project directory.")
    List<String> peers = List.of();

    @Option(names = "--runs", defaultValue = "1", paramLabel = "R",
            description = "Runs per instance, run k seeded with instance + 1000k (default: ${DEFAULT-VALUE}); with several,"
                    + " a rank-sum comparison with each peer is printed too.")
    int runs;

    @Option(names = "--first-run", defaultValue = "0", paramLabel = "K",
            description = "Number of the first run (default: ${DEFAULT-VALUE}): runs K to K + R - 1, so seeds new to earlier"
                    + " commands (a development split's fresh seeds).")
    int firstRun;

    @Option(names = "--step", defaultValue = "0", paramLabel = "H",
            description = "Put every coordinate on the grid -5, -5 + H, ..., 5 (stepped floats: a discrete space, for "
                    + "Tunelab samplers and peers alike); 0, the default, keeps them continuous. H must divide 10.")
    double step;

    @CommandLine.Mixin
    BaseSamplerOption baseOption = new BaseSamplerOption();

    @CommandLine.Mixin
    BootstrapOption bootstrap = new BootstrapOption();

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Also write the rows as CSV (bench bbob-report reads it).")
    Path out;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        List<String> ours = SamplerCatalog.parse(samplers);
        String base = baseOption.sampler;
        bootstrap.validate();
        if (base != null && peers.isEmpty() && !ours.contains(base) && !base.equals(BbobBenchmark.REFERENCE)) {
            throw new CliException("--base " + base + " is not among the samplers run: " + samplers + " and "
                    + BbobBenchmark.REFERENCE);
        }
        Path script = ShippedScript.locate("optuna_peer.py", Path.of(""), System.getenv("TUNELAB_LAUNCHER"));
        BbobBenchmark.Settings settings = new BbobBenchmark.Settings(NumberList.parse(functions, "--functions"),
                NumberList.parse(dims, "--dims"), NumberList.parse(instances, "--instances"), ours,
                peers.stream().map(p -> OptunaPeer.command(p, script)).toList(), trials, runs, step, firstRun);
        long start = System.nanoTime();
        List<BbobBenchmark.Row> rows = BbobBenchmark.run(settings, line -> {
            w.println(line);
            w.flush();
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        if (out != null) {
            BbobCsv.write(rows, out);
            w.println("wrote " + out);
        }
        w.print(BbobReport.all(rows, base));
        w.print(bootstrap.table(rows));
        w.printf("%d runs in %.1f s (%.2f s per run)%n", rows.size(), seconds, seconds / Math.max(1, rows.size()));
        w.flush();
        return 0;
    }

}
