package io.tunelab.cli.registry;

import io.tunelab.cli.output.PortConverter;
import io.tunelab.cli.error.CliException;
import io.tunelab.cli.output.AccessNotice;
import io.tunelab.cli.query.StorageUrlOption;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.access.BearerToken;
import io.tunelab.search.access.BindAddress;
import io.tunelab.serving.PredictAccess;
import io.tunelab.serving.PredictionServer;
import io.tunelab.spec.Durations;
import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.config.PasswordFile;
import io.tunelab.tracker.setup.Tracker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tunelab serve MODEL@ALIAS --port 8090}: answers {@code POST /predict} (and MLflow's {@code POST /invocations})
 * with the version the alias points at and follows the alias when it moves, without a restart;
 * {@code MODEL@3} serves version 3 and never moves ({@link ServeTarget}). Bound beyond loopback,
 * {@code /predict} needs a bearer token (generated and printed, or read from {@code --token-file})
 * unless {@code --public} says otherwise ({@link PredictAccess}).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve predictions of the model version an alias points at, or of one version (POST /predict,",
                "MLflow's POST /invocations, GET /metadata, GET /health).",
                "The alias is checked every --reload-interval (2s by default): a moved alias is served within that"
                        + " interval plus the time to load the new version, without a restart."})
public final class ServeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL@ALIAS|MODEL@VERSION",
            description = "e.g. fashion@production (follows the alias), or fashion@3 / fashion@v3 (one pinned version)")
    String target;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE});"
            + " on any other address, POST /predict needs the token.")
    String host;

    @Option(names = "--token-file", paramLabel = "FILE", description = "Read the token POST /predict needs from the"
            + " first line of FILE (asked for on loopback too). Default off loopback: a new token, printed at start.")
    Path tokenFile;

    @Option(names = "--public", description = "Off loopback, answer POST /predict without a token (prints a warning).")
    boolean open;

    @Option(names = "--port", defaultValue = "8090", converter = PortConverter.class,
            description = "Port (default: ${DEFAULT-VALUE}; 0 picks one).")
    int port;

    @Option(names = {"--reload-interval", "--poll"}, defaultValue = "2s", paramLabel = "DURATION",
            description = "How often to check whether the alias moved, e.g. 1s or 1m (default: ${DEFAULT-VALUE}; a bare"
                    + " number is seconds). A moved alias is served within this interval plus the time to load the new"
                    + " version; until then the previous version answers (X-Model-Version says which).")
    String reloadInterval;

    @Option(names = "--mc-samples", defaultValue = "1", paramLabel = "N",
            description = "Answer with the mean and spread of N passes with dropout on (Monte Carlo dropout;"
                    + " networks only). Default: ${DEFAULT-VALUE}, one deterministic pass.")
    int mcSamples;

    @Mixin
    StorageUrlOption storage;

    @Spec
    CommandSpec spec;

    private final Wiring wiring;

    ServeCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (mcSamples < 1 || mcSamples > 1000) {
            throw new CliException("--mc-samples must be between 1 and 1000, got " + mcSamples);
        }
        Duration reloadEvery = Durations.parse(reloadInterval.matches("\\d+") ? reloadInterval + "s" : reloadInterval);
        if (reloadEvery == null) {
            throw new CliException("--reload-interval: expected a duration from 1s to 365d such as 2s or 1m, got '"
                    + reloadInterval + "'");
        }
        if (open && tokenFile != null) {
            throw new CliException("--public answers without a token, but --token-file " + tokenFile + " gives one:"
                    + " drop one of them");
        }
        PredictAccess access = new PredictAccess(tokenFile == null ? null : readToken(tokenFile), open);
        PrintWriter out = spec.commandLine().getOut();
        try (Tracker tracker = wiring.openExistingTracker(storage.access())) {
            ServeTarget served = ServeTarget.parse(target, tracker.registry());
            RegistryModelResolver resolver = new RegistryModelResolver(tracker, served, wiring.trainers());
            PredictionServer server = start(new PredictionServer(resolver, new PredictionServer.Options(8L * 1024 * 1024,
                    1024, reloadEvery, mcSamples), access));
            out.println("Serving " + resolver.current() + (served.pinned() ? " (pinned: it does not follow alias moves)"
                    : " (" + target + ")") + " at http://" + host + ":" + server.port() + "/predict and /invocations"
                    + "  (Ctrl-C to stop)");
            AccessNotice.token(out, tokenFile == null ? server.token() : null, "POST /predict");
            if (tokenFile != null) {
                out.println("POST /predict needs the token in " + tokenFile + ".");
            }
            if (open && !BindAddress.isLoopback(host)) {
                AccessNotice.open(out, "--public", host, server.port(), "ask for predictions");
            }
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "tunelab-serve-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                stopped.await();
            } finally {
                stopIfInterrupted(hook, server, stopped);
            }
        }
        return 0;
    }

    /** Starts {@code server}; a start that fails (a port in use, an address not this machine's) is said in a sentence. */
    private PredictionServer start(PredictionServer server) {
        try {
            return server.start(host, port);
        } catch (IllegalArgumentException e) {
            server.close();
            throw new CliException(e.getMessage());
        } catch (RuntimeException e) {
            server.close();
            throw new CliException("cannot serve on " + host + ":" + port + ": " + CliException.rootMessage(e)
                    + (port != 0 ? " (is the port in use? try another --port, or 0 for a free one)" : ""));
        }
    }

    /** Run in-process and interrupted (not shut down), the server stops here rather than at JVM exit. */
    private static void stopIfInterrupted(Thread hook, PredictionServer server, CountDownLatch stopped) {
        if (stopped.getCount() == 0) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return; // the hook stops it
        }
        server.close();
    }

    private static BearerToken readToken(Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new CliException("--token-file: no such file " + file + "; its first line is the token POST /predict asks for");
        }
        try {
            return new BearerToken(PasswordFile.read(file));
        } catch (TrackerException e) {
            throw new CliException("--token-file: " + e.getMessage());
        }
    }
}
