package io.tunelab.cli.registry;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.query.StorageUrlOption;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.serving.PredictionServer;
import io.tunelab.tracker.setup.Tracker;
import java.io.PrintWriter;
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
 * {@code tunelab serve MODEL@ALIAS --port 8090}: answers {@code POST /predict} with the version the
 * alias points at and follows the alias when it moves, without a restart.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve predictions of the model version an alias points at (POST /predict, GET /health).")
public final class ServeCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MODEL@ALIAS", description = "e.g. fashion@production")
    String target;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8090", description = "Port (default: ${DEFAULT-VALUE}; 0 picks one).")
    int port;

    @Option(names = "--poll", defaultValue = "2", paramLabel = "SECONDS",
            description = "How often to check whether the alias moved (default: ${DEFAULT-VALUE} s).")
    int pollSeconds;

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
        int at = target.lastIndexOf('@');
        if (at <= 0 || at == target.length() - 1) {
            throw new CliException("expected MODEL@ALIAS such as fashion@production, got '" + target + "'");
        }
        if (mcSamples < 1 || mcSamples > 1000) {
            throw new CliException("--mc-samples must be between 1 and 1000, got " + mcSamples);
        }
        if (pollSeconds < 1) {
            throw new CliException("--poll must be at least 1 second, got " + pollSeconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Tracker tracker = wiring.openTracker(storage.access())) {
            RegistryModelResolver resolver = new RegistryModelResolver(tracker, target.substring(0, at),
                    target.substring(at + 1), wiring.trainers());
            PredictionServer server = new PredictionServer(resolver, new PredictionServer.Options(8L * 1024 * 1024, 1024,
                    Duration.ofSeconds(pollSeconds), mcSamples)).start(host, port);
            out.println("Serving " + resolver.current() + " (" + target + ") at http://" + host + ":" + server.port()
                    + "/predict  (Ctrl-C to stop)");
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "tunelab-serve-stop"));
            stopped.await();
        }
        return 0;
    }
}
