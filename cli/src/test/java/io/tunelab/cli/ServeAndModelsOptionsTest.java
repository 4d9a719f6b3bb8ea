package io.tunelab.cli;

import static io.tunelab.cli.CliInvocation.tunelab;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options of {@code serve} and {@code models} that are wrong or meaningless get a sentence and exit 2, not a trace. */
class ServeAndModelsOptionsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void aTracker() {
        try (TrialStorage storage = new DefaultWiring().openStorage(dir.toString())) {
            storage.createStudy("kept", List.of(Direction.MINIMIZE));
        }
    }

    @Test
    void aPortOutOfRangeIsRefusedNamingTheOptionAlikeByEveryCommandThatListens() {
        List<List<String>> commands = List.of(List.of("serve", "m@production"), List.of("dashboard"), List.of("server"),
                List.of("demo"));
        for (List<String> command : commands) {
            for (String port : List.of("99999", "-5")) {
                List<String> args = new java.util.ArrayList<>(command);
                args.addAll(List.of("--port", port, "--storage", dir.toString()));
                CliInvocation.Result r = tunelab(args.toArray(String[]::new));

                assertThat(r.code()).as(args.toString()).isEqualTo(2);
                assertThat(r.err()).as(args.toString()).contains("Invalid value for option '--port'")
                        .contains("expected a port from 0 to 65535 (0 picks a free port), got '" + port + "'")
                        .doesNotContain("\tat ").doesNotContain("is the port in use");
            }
        }
    }

    @Test
    void serveAndAliasTakeModelAtAliasAndSaySoForAnythingElse() {
        CliInvocation.Result alias = tunelab("alias", "fashion-mlp", "--storage", dir.toString());
        assertThat(alias.code()).isEqualTo(2);
        assertThat(alias.err()).contains("expected MODEL@ALIAS such as fashion-mlp@production, got 'fashion-mlp'");

        CliInvocation.Result serve = tunelab("serve", "fashion-mlp", "--storage", dir.toString());
        assertThat(serve.code()).isEqualTo(2);
        assertThat(serve.err()).as("serve also takes a pinned version")
                .contains("expected MODEL@ALIAS or MODEL@VERSION such as fashion-mlp@production or fashion-mlp@3, got 'fashion-mlp'");
    }

    @Test
    void theReloadIntervalIsADurationTheHelpExplainsAndABadOneIsRefusedNamingIt() {
        CliInvocation.Result help = tunelab("serve", "--help");
        assertThat(help.out()).contains("--reload-interval").contains("plus the time to load the new version")
                .contains("default: 2s");

        CliInvocation.Result bad = tunelab("serve", "m@production", "--reload-interval", "soon", "--storage", dir.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--reload-interval: expected a duration from 1s to 365d such as 2s or 1m, got 'soon'")
                .doesNotContain("\tat ");
    }

    @Test
    void aMissingTokenFileIsRefusedNamingTheFile() {
        CliInvocation.Result r = tunelab("serve", "m@production", "--token-file", dir.resolve("nofile").toString(),
                "--storage", dir.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--token-file: no such file").doesNotContain("NoSuchFileException");
    }

    @Test
    void historyWithoutAModelIsRefusedRatherThanIgnored() {
        CliInvocation.Result r = tunelab("models", "--history", "--storage", dir.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--history shows the alias moves of one model: name it");
    }

    @Test
    void modelsPrintsCsvAndJsonAsTheOtherListingsDo() {
        CliInvocation.Result csv = tunelab("models", "--format", "csv", "--storage", dir.toString());
        CliInvocation.Result bad = tunelab("models", "--format", "xml", "--storage", dir.toString());

        assertThat(csv.code()).as(csv.err()).isZero();
        assertThat(csv.out()).startsWith("model,versions,aliases,description");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("expected table, csv or json, got 'xml'");
    }

    @Test
    void aServerThatCannotBindSaysSoInASentence() throws Exception {
        Path file = dir.resolve("s.yaml");
        java.nio.file.Files.writeString(file, """
                study: tiny
                direction: maximize
                metric: accuracy
                budget: {trials: 1}
                trainer: tribuo-cart
                data: {dataset: synthetic-classification, samples: 200, classes: 2, seed: 1}
                space:
                  max_depth: {int: [2, 2]}
                """);
        assertThat(tunelab("run", file.toString(), "--storage", dir.toString()).code()).isZero();
        assertThat(tunelab("promote", "tiny", "--model", "m", "--storage", dir.toString()).code()).isZero();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CliInvocation.Result r = tunelab("serve", "m@production", "--port", String.valueOf(taken.getLocalPort()),
                    "--storage", dir.toString());

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("cannot serve on 127.0.0.1:" + taken.getLocalPort())
                    .contains("is the port in use? try another --port, or 0 for a free one").doesNotContain("\tat ");
        }
    }
}
