package io.tunelab.cli.bench;

import io.tunelab.bench.bbob.NumberList;
import io.tunelab.bench.samplers.AskClock;
import io.tunelab.bench.samplers.AskCost;
import io.tunelab.bench.samplers.BenchReport;
import io.tunelab.bench.samplers.SamplerCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tunelab bench ask-cost}: milliseconds per ask against the number of completed trials. */
@Command(name = "ask-cost", mixinStandardHelpOptions = true,
        description = "Sampler cost per ask (median ms) after a history of completed trials"
                + " (CSV: sampler,history,dims,ms_per_ask,ms_in_delegate,ms_own,ms_paired_via,ms_paired_direct,objectives);"
                + " for auto,"
                + " also per delegate (auto:gp, ...): the time inside the delegate and in auto's own code on the same asks,"
                + " the delegate alone, and auto's asks paired with the same delegate asked directly in the same state.")
public final class BenchAskCostCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--samplers", defaultValue = "random,tpe,gp", paramLabel = "LIST", completionCandidates = KnownNames.Samplers.class,
            description = "Comma-separated samplers (default: ${DEFAULT-VALUE}). Known: ${COMPLETION-CANDIDATES}.")
    String samplers;

    @Option(names = "--history", defaultValue = "100,1000,5000", paramLabel = "LIST",
            description = "Completed trials before measuring (default: ${DEFAULT-VALUE}).")
    String history;

    @Option(names = "--objectives", defaultValue = "1", paramLabel = "LIST",
            description = "Objectives of the study measured, e.g. 1,2,3: with several, one sphere per objective, centres"
                    + " apart; samplers of one objective only are measured with 1 (default: ${DEFAULT-VALUE}).")
    String objectives;

    @Option(names = "--dims", defaultValue = "10", paramLabel = "D", description = "Float parameters (default: ${DEFAULT-VALUE}).")
    int dims;

    @Option(names = "--asks", defaultValue = "20", paramLabel = "N", description = "Timed asks per point (default: ${DEFAULT-VALUE}).")
    int asks;

    @Option(names = "--rounds", defaultValue = "3", paramLabel = "R",
            description = "Sweeps over all samplers; each point reports its lowest (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--clock", defaultValue = "wall", paramLabel = "wall|cpu",
            description = "Time asks in wall time (default; cheap to read, measure on an idle machine) or in the asking"
                    + " thread's CPU time (ignores other load, but a read costs a system call, counted in short asks).")
    String clock;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Also write the rows as CSV.")
    Path out;

    @Override
    public Integer call() {
        List<Integer> sizes = NumberList.parse(history, "--history");
        AskClock askClock = AskClock.parse(clock);
        List<AskCost.Row> rows = AskCost.run(SamplerCatalog.parse(samplers), sizes,
                NumberList.parse(objectives, "--objectives"), dims, asks, rounds, askClock);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "clock: %s, one read %.0f ns (counted in the asks it times)%n", askClock,
                askClock.readNanos());
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
