package io.tunelab.cli;

import io.tunelab.cli.output.PortConverter;
import io.tunelab.cli.error.CliException;
import io.tunelab.cli.output.AccessNotice;
import io.tunelab.cli.query.StorageUrlOption;
import io.tunelab.cli.run.StorageUrls;
import io.tunelab.cli.registry.DashboardPromoter;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.dashboard.server.DashboardServer;
import io.tunelab.dashboard.data.TrackerDashboardData;
import io.tunelab.dashboard.data.TrackerPorts;
import io.tunelab.tracker.setup.Tracker;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tunelab dashboard}: serves the web dashboard over a tracker until Ctrl-C. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = "Serve the web dashboard (studies, curves, comparisons, models) until Ctrl-C.")
final class DashboardCommand implements Callable<Integer> {

    @Mixin
    StorageUrlOption storage;

    @Option(names = "--host", defaultValue = DashboardServer.DEFAULT_HOST,
            description = "Address to bind (default: ${DEFAULT-VALUE}); on any other address, actions need the token.")
    String host;

    @Option(names = "--port", defaultValue = "8080", converter = PortConverter.class,
            description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--token", description = "Token for promote and other actions, and for artifact downloads,"
            + " when not on loopback (default: generated).")
    String token;

    @Option(names = "--public-read", description = "Off loopback, let anyone download artifacts and models"
            + " without the token (actions still need it).")
    boolean publicRead;

    @Option(names = "--gate", paramLabel = "TEST",
            description = "Evaluation gate for the promote action: mcnemar or paired-t (default: none).")
    String gate;

    @Option(names = "--confidence", defaultValue = "0.95", description = "Gate confidence (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Spec
    CommandSpec spec;

    /** How long the address waits for the cache warm-up (first visits are fast after it). */
    private static final java.time.Duration WARM_UP = java.time.Duration.ofSeconds(20);

    private final Wiring wiring;

    DashboardCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        boolean created = TrackerLocation.isMissing(storage.access());
        try (Tracker tracker = wiring.openTrackerForDashboard(storage.access())) {
            if (created) {
                out.println("No tracker in " + StorageUrls.redacted(storage.url()) + " yet: started on a new, empty one; studies"
                        + " run with --storage " + StorageUrls.shellQuoted(StorageUrls.redacted(storage.url())) + " appear here as"
                        + " they start.");
            }
            if (gate != null && !gate.matches("(?i)mcnemar|paired-t")) {
                throw new CliException("--gate must be mcnemar or paired-t, got '" + gate + "'");
            }
            DashboardServer server = start(tracker, wiring.trainers(), gate, confidence, host, port, token, publicRead);
            out.println("Dashboard: " + server.url() + "  (studies in " + StorageUrls.redacted(storage.url())
                    + "; Ctrl-C to stop)");
            AccessNotice.token(out, server.token(), publicRead ? "actions" : "actions and downloads");
            if (publicRead && server.token() != null) {
                AccessNotice.open(out, "--public-read", host, server.port(), "download every artifact and model");
            }
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.stop();
                stopped.countDown();
            }, "tunelab-dashboard-stop"));
            stopped.await();
        }
        return ExitCodes.OK;
    }

    /**
     * Starts a dashboard over {@code tracker} whose promote action goes through {@link DashboardPromoter}
     * (the trainer's model artifact; the gate when {@code gate} is not null), after up to 20 s of cache warm-up;
     * {@code demo} uses it too.
     */
    static DashboardServer start(Tracker tracker, List<TrainerFactory> trainers, String gate, double confidence,
                                 String host, int port, String token) {
        return start(tracker, trainers, gate, confidence, host, port, token, false);
    }

    /** As {@link #start(Tracker, List, String, double, String, int, String)}; {@code publicRead} keeps downloads open. */
    static DashboardServer start(Tracker tracker, List<TrainerFactory> trainers, String gate, double confidence,
                                 String host, int port, String token, boolean publicRead) {
        try {
            DashboardPromoter promoter = new DashboardPromoter(tracker, trainers, gate, confidence);
            TrackerPorts ports = new TrackerPorts(tracker.storage(), tracker.queries(), tracker.changes(), tracker.metrics(),
                    tracker.registry(), tracker.artifacts());
            TrackerDashboardData data = new TrackerDashboardData(ports, promoter);
            promoter.viewsFrom(data);
            DashboardServer server = new DashboardServer(data, host, port, token, publicRead).start();
            server.awaitWarmUp(WARM_UP);
            return server;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while the dashboard started");
        } catch (RuntimeException e) {
            throw new CliException("cannot serve the dashboard on " + host + ":" + port + ": " + CliException.rootMessage(e)
                    + (port != 0 ? " (is the port in use? try --port 0)" : ""));
        }
    }
}
