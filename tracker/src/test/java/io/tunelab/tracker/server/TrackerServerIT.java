package io.tunelab.tracker.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.config.PasswordFile;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.durability.JavaProcess;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Several worker processes share one study through the tracker's H2 TCP server. */
class TrackerServerIT {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void threeWorkerProcessesOfThreeHundredTrialsEachNumberTheirTrialsExactly0To899AllComplete() throws Exception {
        try (TrackerServer server = TrackerServer.start(ServerOptions.loopback(tmp.resolve("srv")).withReapEvery(null))) {
            List<Process> workers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                workers.add(JavaProcess.start(StudyWorkerMain.class, server.jdbcUrl(), "shared", "300",
                        tmp.resolve("artifacts").toString(), server.passwordFile().toString()));
            }
            for (Process p : workers) {
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
                assertThat(p.exitValue()).isZero();
                assertThat(out).contains("finished");
            }
            long study = server.storage().findStudy("shared").orElseThrow().id();
            List<FrozenTrial> all = server.storage().trials(study, EnumSet.allOf(TrialState.class));
            assertThat(all).extracting(FrozenTrial::number)
                    .containsExactlyElementsOf(IntStream.range(0, 900).boxed().toList());
            assertThat(all).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
            assertThat(all).allSatisfy(t -> assertThat(t.params()).containsOnlyKeys("x", "y"));
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void remoteClientsCannotCreateDatabases() throws Exception {
        try (TrackerServer server = TrackerServer.start(ServerOptions.loopback(tmp.resolve("srv")).withReapEvery(null))) {
            String other = "jdbc:h2:tcp://127.0.0.1:" + server.port() + "/other";
            String password = server.clientSettings().password();
            assertThatThrownBy(() -> DriverManager.getConnection(other, PasswordFile.STUDY_USER, password).close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("not found");
            assertThat(Files.exists(tmp.resolve("srv").resolve("other.mv.db"))).isFalse();
            try (Connection c = DriverManager.getConnection(server.jdbcUrl(), PasswordFile.STUDY_USER, password)) {
                assertThat(c.isValid(5)).isTrue();
            }
        }
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aLoopbackServerCannotBeReachedThroughTheMachinesOtherAddresses() throws Exception {
        Process server = JavaProcess.start(LoopbackServerMain.class, tmp.resolve("srv").toString());
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).startsWith("port ");
            int port = Integer.parseInt(line.substring(5));
            String password = PasswordFile.read(tmp.resolve("srv").resolve(PasswordFile.STUDY_FILE));
            try (Connection c = DriverManager.getConnection("jdbc:h2:tcp://127.0.0.1:" + port + "/tracker",
                    PasswordFile.STUDY_USER, password)) {
                assertThat(c.isValid(5)).isTrue();
            }
            Optional<InetAddress> external = externalAddress();
            if (external.isPresent()) {
                assertThatThrownBy(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(external.get(), port), 5_000);
                    }
                }).as("connecting through %s", external.get()).isInstanceOf(ConnectException.class);
            }
        } finally {
            server.getOutputStream().close();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /** A tracker server in its own JVM over {@code dir} on {@code port} (0: any free one), and the port it took. */
    private record ServerProcess(Process process, int port) {
        static ServerProcess start(Path dir, int port) throws Exception {
            Process p = JavaProcess.start(LoopbackServerMain.class, dir.toString(), String.valueOf(port));
            String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(line).as("the server's first line").startsWith("port ");
            return new ServerProcess(p, Integer.parseInt(line.substring(5)));
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * The server stopped with SIGTERM (its database closes in a shutdown hook while clients still reach it: H2 says
     * "database closed", 90121) and started again on its port a few seconds later: a worker waits, carries on, and
     * its study ends with its whole budget complete.
     */
    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aWorkerRidesOutTheServerStoppedWithSigtermAndStartedAgain() throws Exception {
        Path dir = tmp.resolve("srv");
        // any free port unless the build asks for one (a shared machine's range of ports)
        ServerProcess server = ServerProcess.start(dir, Integer.getInteger("tunelab.it.serverPort", 0));
        ServerProcess restarted = null;
        TrackerConfig config = new TrackerConfig(DatabaseSettings.of("jdbc:h2:tcp://127.0.0.1:" + server.port() + "/tracker")
                .withPoolSize(4).withCredentials(PasswordFile.STUDY_USER, PasswordFile.read(dir.resolve(PasswordFile.STUDY_FILE))),
                tmp.resolve("artifacts"), StorageOptions.defaults());
        try (TrialStorage storage = Tracker.openStorage(config)) {
            Study study = Study.builder("restart").storage(storage).seed(7).sampler(RandomSampler::new).createOrLoad();
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> study.optimize(t -> {
                Thread.sleep(20);
                return t.suggestFloat("x", -1, 1);
            }, OptimizeOptions.trials(200).withParallelism(2)));
            Thread.sleep(1_500);
            server.stop();
            Thread.sleep(3_000);
            restarted = ServerProcess.start(dir, server.port());

            run.get(3, TimeUnit.MINUTES);

            assertThat(study.trials()).hasSize(200)
                    .allSatisfy(t -> assertThat(t.state()).as("trial %d: %s", t.number(), t.message())
                            .isEqualTo(TrialState.COMPLETE));
        } finally {
            server.stop();
            if (restarted != null) {
                restarted.stop();
            }
        }
    }

    private static Optional<InetAddress> externalAddress() throws Exception {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp() || ni.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    return Optional.of(a);
                }
            }
        }
        return Optional.empty();
    }
}
