package io.tunelab.cli.bench;

import io.tunelab.bench.bbob.BbobBenchmark;
import io.tunelab.bench.bbob.BbobCsv;
import io.tunelab.bench.bbob.BbobReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tunelab bench bbob-report}: the tables of {@code bench bbob} from the CSV files of one or more of its runs. */
@Command(name = "bbob-report", mixinStandardHelpOptions = true,
        description = "The tables of bench bbob (medians, peer counts, rank-sum tests; with --base, paired counts) from"
                + " the CSV files of its runs, e.g. a sampler and its peers run by two commands on the same instances;"
                + " normalized regret is recomputed over the random search runs of all the files.")
public final class BenchBbobReportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE.csv", description = "CSV files written by bench bbob --out.")
    List<Path> files;

    @CommandLine.Mixin
    BaseSamplerOption baseOption = new BaseSamplerOption();

    @CommandLine.Mixin
    BootstrapOption bootstrap = new BootstrapOption();

    @Override
    public Integer call() {
        List<BbobBenchmark.Row> rows = BbobBenchmark.normalize(BbobCsv.read(files));
        PrintWriter w = spec.commandLine().getOut();
        w.print(BbobReport.all(rows, baseOption.sampler));
        w.print(bootstrap.table(rows));
        w.printf("%d runs from %d file%s%n", rows.size(), files.size(), files.size() == 1 ? "" : "s");
        w.flush();
        return 0;
    }
}
