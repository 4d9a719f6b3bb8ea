package io.tunelab.cli.bench;

import io.tunelab.bench.storage.BenchResult;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tunelab bench dashboard-load}: concurrent clients on one study's page of a running dashboard
 * (start it with {@code tunelab dashboard}, ideally while workers write to the study); prints
 * throughput, latency percentiles and errors, and exits 1 if any request failed.
 */
@Command(name = "dashboard-load", mixinStandardHelpOptions = true,
        description = {"Load-test a running dashboard on this machine: clients load one study's page and poll it"
                + " for changes; prints requests/s, p50/p99 latency and errors (CSV: metric,value,unit).",
                "Example: tunelab bench dashboard-load --url http://127.0.0.1:8080/ --study mlp --clients 20 --seconds 30"})
public final class BenchDashboardLoadCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "The dashboard, e.g. http://127.0.0.1:8080/ (loopback only).")
    URI url;

    @Option(names = "--study", required = true, paramLabel = "NAME", description = "The study whose page the clients load.")
    String study;

    @Option(names = "--clients", defaultValue = "20", paramLabel = "N", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--seconds", defaultValue = "30", paramLabel = "S", description = "Duration (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Also write the figures as CSV.")
    Path out;

    @Override
    public Integer call() throws Exception {
        DashboardLoad.Result r = new DashboardLoad(url, study, clients, Duration.ofSeconds(seconds)).run();
        PrintWriter w = spec.commandLine().getOut();
        w.print(BenchResult.table(r.figures()));
        r.errorsByKind().forEach((kind, n) -> w.println("  error: " + kind + " x" + n));
        if (out != null) {
            Files.writeString(out, BenchResult.csv(r.figures()));
            w.println("wrote " + out);
        }
        w.flush();
        return r.errors() == 0 ? 0 : 1;
    }
}
