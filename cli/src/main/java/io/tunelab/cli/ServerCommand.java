package io.tunelab.cli;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.output.PortConverter;
import io.tunelab.tracker.config.PasswordFile;
import io.tunelab.tracker.server.ServerOptions;
import io.tunelab.tracker.server.TrackerServer;
import java.io.PrintWriter;
import java.net.BindException;
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

    @Option(names = "--port", defaultValue = "9092", converter = PortConverter.class,
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks one).")
    int port;

    @Option(names = "--allow-others", description = "Accept connections from other machines (default: loopback only);"
            + " needs --tls or --insecure.")
    boolean allowOthers;

    @Option(names = "--tls", description = "Serve over TLS (H2's -tcpSSL; workers use jdbc:h2:ssl://...). The key store"
            + " comes from -Djavax.net.ssl.keyStore / keyStorePassword.")
    boolean tls;

    @Option(names = "--insecure", description = "Allow --allow-others without TLS: the password and data cross the"
            + " network in the clear.")
    boolean insecure;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        if (allowOthers && !tls && !insecure) {
            err.println("server: --allow-others without --tls would let anyone on the network read the database"
                    + " password and data; add --tls (with a key store) or, on a trusted network only, --insecure");
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        if (allowOthers && !tls) {
            err.println("WARNING: --insecure: workers on other machines connect without TLS; the password and every"
                    + " trial cross the network in the clear.");
            err.flush();
        }
        ServerOptions options = new ServerOptions(dir, port, allowOthers, Duration.ofSeconds(30), tls, insecure);
        TrackerServer server = start(options);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Tracker server: " + server.jdbcUrl() + (allowOthers ? "" : " (loopback only)") + "; Ctrl-C to stop");
        out.println("Password of the study user " + PasswordFile.STUDY_USER + ": " + server.passwordFile()
                + " (readable by you only; copy it to other machines' workers)");
        Path artifacts = dir.resolve("artifacts").toAbsolutePath();
        out.println("Artifacts: " + artifacts + "; every client command (worker, promote, serve, predict, download, ...)"
                + " reads and writes models there only with TUNELAB_ARTIFACTS set to it:");
        out.println("  export TUNELAB_ARTIFACTS=" + artifacts);
        out.println("Workers:  tunelab worker --storage " + server.jdbcUrl() + " --password-file " + server.passwordFile()
                + " --study NAME");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "tunelab-server-stop"));
        stopped.await();
        return 0;
    }

    /** Starts the server; a port that cannot be bound is said in one sentence (the server has then written nothing). */
    private static TrackerServer start(ServerOptions options) {
        try {
            return TrackerServer.start(options);
        } catch (RuntimeException e) {
            if (!(CliException.rootCause(e) instanceof BindException)) {
                throw e;
            }
            throw new CliException("cannot serve the tracker on port " + options.port() + ": " + CliException.rootMessage(e)
                    + " (is the port in use? try --port 0)", e);
        }
    }
}
