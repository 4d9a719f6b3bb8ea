package io.tunelab.cli;

import static io.tunelab.cli.CliInvocation.freePort;
import static io.tunelab.cli.CliInvocation.tunelab;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real command from study file to served predictions: run → promote (gated) → serve → promote again. */
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class EndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aStudyFileBecomesAServedModelThatFollowsItsAlias(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("study.yaml");
        Files.writeString(file, """
                study: e2e
                direction: maximize
                metric: accuracy
                sampler: {type: random, seed: 11}
                budget: {trials: 4}
                parallel: {workers: 2, devices: cpu}
                trainer: tribuo-cart
                data: {dataset: synthetic-classification, samples: 400, classes: 3, seed: 2}
                space:
                  max_depth: {int: [1, 8]}
                """);
        String storage = dir.resolve("tracker").toString();

        CliInvocation.Result run = tunelab("run", file.toString(), "--storage", storage);
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("4 complete");

        CliInvocation.Result first = tunelab("promote", "e2e", "--trial", "0", "--model", "m", "--alias", "production",
                "--gate", "mcnemar", "--storage", storage);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("Registered m v1").contains("now points at v1");

        int port = freePort();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<CliInvocation.Result> serving = pool.submit(() -> tunelab("serve", "m@production", "--port", String.valueOf(port),
                "--reload-interval", "1s", "--storage", storage));
        try {
            JsonNode health = awaitVersion(port, 1);
            assertThat(health.get("model").asText()).isEqualTo("m");
            int width = JSON.readTree(get(port, "/health").body()).get("version").asInt();
            assertThat(width).isEqualTo(1);

            String numbers = "\"x0\":0.1,\"x1\":-1,\"x2\":0.5,\"x3\":2,\"x4\":0,\"x5\":1,";
            String byLevel = "{" + numbers + "\"group\":\"g0\"}";
            String byIndicators = "{" + numbers + "\"group=g0\":1,\"group=g1\":0,\"group=g2\":0}";
            HttpResponse<String> predicted = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/predict")).timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"instances\": [" + byLevel + "," + byIndicators + "]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(predicted.statusCode()).as(predicted.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(predicted.body());
            assertThat(body.get("predictions")).hasSize(2);
            assertThat(body.get("predictions").get(0).get("class").asText()).matches("c[0-2]");
            assertThat(body.get("predictions").get(0)).as("the level and its indicators are the same instance")
                    .isEqualTo(body.get("predictions").get(1));
            assertThat(predicted.headers().firstValue("X-Model-Version")).contains("1");

            CliInvocation.Result second = tunelab("promote", "e2e", "--trial", "1", "--model", "m", "--alias", "production",
                    "--gate", "mcnemar", "--force", "--storage", storage);
            assertThat(second.code()).as(second.err()).isZero();
            assertThat(second.out()).contains("Registered m v2").contains("Gate mcnemar").contains("now points at v2");
            long moved = System.nanoTime();
            awaitVersion(port, 2);
            assertThat(Duration.ofNanos(System.nanoTime() - moved)).as("within the reload interval, plus loading v2")
                    .isLessThan(Duration.ofSeconds(1).plusSeconds(5));

            CliInvocation.Result history = tunelab("models", "m", "--history", "--storage", storage);
            assertThat(history.out()).contains("v1").contains("v2").contains("forced=true").contains("p_value");
        } finally {
            pool.shutdownNow();
        }
    }

    private JsonNode awaitVersion(int port, int version) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = get(port, "/health");
                if (r.statusCode() == 200) {
                    JsonNode node = JSON.readTree(r.body());
                    if (node.get("version").asInt() == version) {
                        return node;
                    }
                }
            } catch (java.io.IOException notYet) {
                // the server is still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not serve version " + version + " within 60 s");
    }
}
