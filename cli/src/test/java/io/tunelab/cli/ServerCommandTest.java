package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.config.PasswordFile;
import io.tunelab.tracker.server.ServerOptions;
import io.tunelab.tracker.server.TrackerServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tunelab server} refuses the network without TLS, and its clients need its password file. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ServerCommandTest {
    @TempDir
    Path tmp;

    private record Result(int code, String out, String err) {
    }

    private static Result tunelab(String... args) {
        CommandLine cmd = TunelabCommand.commandLine(new DefaultWiring());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return new Result(cmd.execute(args), out.toString(), err.toString());
    }

    @Test
    void allowingOthersWithoutTlsIsRefusedWithExitCode2AndNothingStarts() {
        Result r = tunelab("server", "--dir", tmp.toString(), "--port", "0", "--allow-others");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--allow-others without --tls").contains("--insecure").doesNotContain("Exception");
        assertThat(tmp.resolve(PasswordFile.STUDY_FILE)).doesNotExist();
    }

    @Test
    void aPortInUseIsSaidInOneLineAndNoDatabaseOrPasswordIsCreated() throws Exception {
        Path dir = tmp.resolve("new-dir");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result r = tunelab("server", "--dir", dir.toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err().strip()).doesNotContain("\n")
                    .contains("port " + taken.getLocalPort()).contains("Address already in use")
                    .contains("(is the port in use? try --port 0)").doesNotContain("Exception").doesNotContain("90061");
        }
        assertThat(dir).doesNotExist();
    }

    @Test
    void aPortInUseLeavesAnExistingDirectoryAsItWas() throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "mine");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result r = tunelab("server", "--dir", tmp.toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertThat(r.code()).isEqualTo(2);
        }
        try (var entries = Files.list(tmp)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("notes.txt");
        }
    }

    @Test
    void aWorkerWithTheServersPasswordFileRunsTheStudyAndOneWithoutItIsToldWhatIsMissing() throws Exception {
        Path file = tmp.resolve("s.yaml");
        Files.writeString(file, """
                study: served
                direction: maximize
                metric: accuracy
                sampler: {type: random, seed: 5}
                budget: {trials: 3}
                trainer: tribuo-cart
                data: {dataset: synthetic-classification, samples: 100, classes: 2, seed: 1}
                space:
                  max_depth: {int: [1, 4]}
                """);
        try (TrackerServer server = TrackerServer.start(ServerOptions.loopback(tmp.resolve("srv")).withReapEvery(null))) {
            Result missing = tunelab("create", file.toString(), "--storage", server.jdbcUrl(),
                    "--password-file", tmp.resolve("nope").toString());
            assertThat(missing.code()).isEqualTo(2);
            assertThat(missing.err()).contains("--password-file").contains("does not exist");

            String pw = server.passwordFile().toString();
            Result created = tunelab("create", file.toString(), "--storage", server.jdbcUrl(), "--password-file", pw);
            assertThat(created.code()).as(created.err()).isZero();
            Result worker = tunelab("worker", "--study", "served", "--slots", "cpu:0", "--storage", server.jdbcUrl(),
                    "--password-file", pw);
            assertThat(worker.code()).as(worker.err()).isZero();
            long id = server.storage().findStudy("served").orElseThrow().id();
            assertThat(server.storage().trials(id, EnumSet.allOf(TrialState.class)))
                    .hasSize(3).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
        }
    }
}
