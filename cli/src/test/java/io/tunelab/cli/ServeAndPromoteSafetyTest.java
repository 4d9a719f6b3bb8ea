package io.tunelab.cli;

import static io.tunelab.cli.CliInvocation.freePort;
import static io.tunelab.cli.CliInvocation.tunelab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.registry.RegistryModelResolver;
import io.tunelab.cli.wiring.TribuoTrainers;
import io.tunelab.serving.ModelRef;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} and {@code promote} open model files only under the artifact root, whatever URI the database
 * holds; {@code serve} beyond loopback asks for the token of {@code --token-file}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ServeAndPromoteSafetyTest {
    private static final String ROW = "{\"x0\":0.1,\"x1\":-1,\"x2\":0.5,\"x3\":2,\"x4\":0,\"x5\":1,"
            + "\"group=g0\":1,\"group=g1\":0,\"group=g2\":0}";

    @TempDir
    Path dir;
    Path tracker;

    @BeforeEach
    void runAStudyAndPromoteItsFirstTrial() throws Exception {
        Path file = dir.resolve("study.yaml");
        Files.writeString(file, """
                study: safe
                direction: maximize
                metric: accuracy
                sampler: {type: random, seed: 11}
                budget: {trials: 2}
                trainer: tribuo-cart
                data: {dataset: synthetic-classification, samples: 300, classes: 3, seed: 2}
                space:
                  max_depth: {int: [1, 8]}
                """);
        tracker = dir.resolve("tracker");
        CliInvocation.Result run = tunelab("run", file.toString(), "--storage", tracker.toString());
        assertThat(run.code()).as(run.err()).isZero();
        CliInvocation.Result promoted = tunelab("promote", "safe", "--trial", "0", "--model", "m", "--storage",
                tracker.toString());
        assertThat(promoted.code()).as(promoted.err()).isZero();
    }

    /** Points v1 of model m at {@code uri} in the database, as a tampered or mistaken row would. */
    private void storeVersionUri(URI uri) throws Exception {
        DatabaseSettings db = TrackerConfig.inDirectory(tracker).database();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement ps = c.prepareStatement("UPDATE model_versions SET artifact_uri = ? WHERE version_number = 1")) {
            ps.setString(1, uri.toString());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private Path modelFile() {
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(tracker))) {
            return Path.of(t.registry().version("m", 1).source().artifact().uri());
        }
    }

    private void loadVersionOne() {
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(tracker))) {
            new RegistryModelResolver(t, "m", "production", List.of(new TribuoTrainers())).load(new ModelRef("m", 1))
                    .close();
        }
    }

    @Test
    void anUnknownAliasIsAnsweredWithTheModelsAliases() {
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(tracker))) {
            assertThatThrownBy(() -> new RegistryModelResolver(t, "m", "productoin", List.of(new TribuoTrainers())).current())
                    .isInstanceOf(CliException.class).hasMessage("model 'm' has no alias 'productoin' (did you mean"
                            + " 'production'?); its aliases are production (v1); promote a version with `tunelab promote`");
        }
    }

    @Test
    void aModelUriOutsideTheArtifactRootIsRefusedByServeAndPromote() throws Exception {
        Path outside = Files.copy(modelFile(), dir.resolve("outside-model.bin"));
        loadVersionOne();
        storeVersionUri(outside.toUri());

        assertThatThrownBy(this::loadVersionOne).isInstanceOf(CliException.class)
                .hasMessageContaining(outside.toUri().toString()).hasMessageContaining("outside the artifact root");
        CliInvocation.Result gated = tunelab("promote", "safe", "--trial", "1", "--model", "m", "--gate", "mcnemar",
                "--storage", tracker.toString());
        assertThat(gated.code()).as(gated.out()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(gated.err()).contains(outside.toUri().toString()).doesNotContain("\tat ");
    }

    @Test
    void aModelAnotherArtifactRootHoldsIsRefusedNamingThatRootInTunelabArtifacts() throws Exception {
        Path serverRoot = dir.resolve("server").resolve("artifacts");
        Path logged = serverRoot.resolve("study-9").resolve("trial-0").resolve("model.bin");
        Files.createDirectories(logged.getParent());
        Files.copy(modelFile(), logged);
        storeVersionUri(logged.toUri());

        assertThatThrownBy(this::loadVersionOne).isInstanceOf(CliException.class)
                .hasMessageContaining("outside the artifact root")
                .hasMessageContaining("run this command with TUNELAB_ARTIFACTS=" + serverRoot.toAbsolutePath());
    }

    @Test
    void aModelFileThatLinksOutOfTheArtifactRootIsRefused() throws Exception {
        Path inRoot = modelFile();
        Path outside = Files.move(inRoot, dir.resolve("moved-model.bin"));
        Files.createSymbolicLink(inRoot, outside);

        assertThatThrownBy(this::loadVersionOne).isInstanceOf(CliException.class)
                .hasMessageContaining(inRoot.toUri().toString()).hasMessageContaining("outside the artifact root");
    }

    @Test
    void serveBeyondLoopbackAsksForTheTokenOfItsTokenFile() throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("serve.token"), "token-from-a-file\n");
        assertThat(tunelab("serve", "m@production", "--public", "--token-file", tokenFile.toString(), "--storage",
                tracker.toString()).err()).contains("--public").contains("--token-file");

        int port = freePort();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<CliInvocation.Result> serving = pool.submit(() -> tunelab("serve", "m@production", "--host", "0.0.0.0",
                "--port", String.valueOf(port), "--token-file", tokenFile.toString(), "--storage", tracker.toString()));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            awaitHealth(http, port, serving);
            assertThat(predict(http, port, null).statusCode()).isEqualTo(401);
            assertThat(predict(http, port, "Bearer wrong").statusCode()).isEqualTo(401);
            HttpResponse<String> answered = predict(http, port, "Bearer token-from-a-file");
            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    private static HttpResponse<String> predict(HttpClient http, int port, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/predict"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString("{\"instances\": [" + ROW + "]}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitHealth(HttpClient http, int port, Future<CliInvocation.Result> serving) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (serving.isDone()) {
                throw new AssertionError("serve ended: " + serving.get().err());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // the server is still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("serve did not answer /health within 60 s");
    }
}
