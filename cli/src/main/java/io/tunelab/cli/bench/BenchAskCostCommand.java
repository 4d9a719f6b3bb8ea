package io.tunelab.cli.bench;

import io.tunelab.bench.samplers.AskCost;
import io.tunelab.bench.samplers.BenchReport;
import io.tunelab.bench.samplers.SamplerCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tunelab bench ask-cost}: milliseconds per ask against the number of completed trials. */
@Command(name = "ask-cost", mixinStandardHelpOptions = true,
        description = "Sampler cost per ask (median CPU ms of the asking thread) after a history of completed trials"
                + " (CSV: sampler,history,dims,ms_per_ask); for auto, also per delegate (auto:gp, ...) against the"
                + " delegate alone.")
public final class BenchAskCostCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--samplers", defaultValue = "random,tpe,gp", paramLabel = "LIST", completionCandidates = KnownNames.Samplers.class,
            description = "Comma-separated samplers (default: ${DEFAULT-VALUE}). Known: ${COMPLETION-CANDIDATES}.")
    String samplers;

    @Option(names = "--history", defaultValue = "100,1000,5000", paramLabel = "LIST",
            description = "Completed trials before measuring (default: ${DEFAULT-VALUE}).")
    String history;

    @Option(names = "--dims", defaultValue = "10", paramLabel = "D", description = "Float parameters (default: ${DEFAULT-VALUE}).")
    int dims;

    @Option(names = "--asks", defaultValue = "20", paramLabel = "N", description = "Timed asks per point (default: ${DEFAULT-VALUE}).")
    int asks;

    @Option(names = "--rounds", defaultValue = "3", paramLabel = "R",
            description = "Sweeps over all samplers; each point reports its lowest (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Also write the rows as CSV.")
    Path out;

    @Override
    public Integer call() {
        List<Integer> sizes = Arrays.stream(history.split(",")).map(String::trim).map(Integer::valueOf).toList();
        List<AskCost.Row> rows = AskCost.run(SamplerCatalog.parse(samplers), sizes, dims, asks, rounds);
        PrintWriter w = spec.commandLine().getOut();
        w.print(BenchReport.askCostTable(rows));
        w.print(BenchReport.askCostDelegates(rows));
        if (out != null) {
            BenchReport.writeAskCostCsv(rows, out);
            w.println("wrote " + out);
        }
        w.flush();
        return 0;
    }
}
