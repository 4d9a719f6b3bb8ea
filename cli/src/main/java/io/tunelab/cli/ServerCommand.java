package io.tunelab.cli;

import io.tunelab.tracker.server.ServerOptions;
import io.tunelab.tracker.server.TrackerServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tunelab server}: one long-lived process owns the H2 database and serves it over TCP, so
 * several worker processes (on this machine, or others with {@code --allow-others}) share studies.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Serve the tracker database to worker processes over H2's TCP protocol.")
final class ServerCommand implements Callable<Integer> {

    @Option(names = "--dir", defaultValue = ".tunelab", description = "Database and artifacts directory (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--port", defaultValue = "9092", description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks one).")
    int port;

    @Option(names = "--allow-others", description = "Accept connections from other machines (default: loopback only).")
    boolean allowOthers;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ServerOptions options = new ServerOptions(dir, port, allowOthers, Duration.ofSeconds(30));
        TrackerServer server = TrackerServer.start(options);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Tracker server: " + server.jdbcUrl() + (allowOthers ? "" : " (loopback only)") + "; Ctrl-C to stop");
        out.println("Workers:  tunelab worker --storage " + server.jdbcUrl() + " --study NAME");
        out.println("Artifacts go to " + dir.resolve("artifacts").toAbsolutePath()
                + " (set TUNELAB_ARTIFACTS there on workers of this machine)");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "tunelab-server-stop"));
        stopped.await();
        return 0;
    }
}
