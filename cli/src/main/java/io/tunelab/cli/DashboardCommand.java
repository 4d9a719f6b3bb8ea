package io.tunelab.cli;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.query.StorageUrlOption;
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

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--token", description = "Token for promote and other actions when not on loopback (default: generated).")
    String token;

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
        try (Tracker tracker = wiring.openTracker(storage.access())) {
            if (gate != null && !gate.matches("(?i)mcnemar|paired-t")) {
                throw new CliException("--gate must be mcnemar or paired-t, got '" + gate + "'");
            }
            DashboardServer server = start(tracker, wiring.trainers(), gate, confidence, host, port, token);
            out.println("Dashboard: " + server.url() + "  (studies in " + storage.url() + "; Ctrl-C to stop)");
            if (server.token() != null) {
                out.println("Token for actions: " + server.token());
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
        try {
            DashboardPromoter promoter = new DashboardPromoter(tracker, trainers, gate, confidence);
            TrackerPorts ports = new TrackerPorts(tracker.storage(), tracker.queries(), tracker.changes(), tracker.metrics(),
                    tracker.registry());
            TrackerDashboardData data = new TrackerDashboardData(ports, promoter);
            promoter.viewsFrom(data);
            DashboardServer server = new DashboardServer(data, host, port, token).start();
            server.awaitWarmUp(WARM_UP);
            return server;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while the dashboard started");
        } catch (RuntimeException e) {
            throw new CliException("cannot serve the dashboard on " + host + ":" + port + ": " + rootMessage(e)
                    + (port != 0 ? " (is the port in use? try --port 0)" : ""));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
