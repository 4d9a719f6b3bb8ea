package io.tunelab.cli;

import static io.tunelab.cli.CliInvocation.freePort;
import static io.tunelab.cli.CliInvocation.tunelab;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunelab.cli.wiring.TestCsv;
import io.tunelab.cli.wiring.TestImages;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** DJL networks on a user's CSV file and on a time series, from study file to served predictions. */
@Timeout(300)
class DjlOwnDataEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> post(int port, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/predict"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Runs the study file, promotes trial 0 as {@code model@production} and serves it; returns the port. */
    private int trainPromoteAndServe(Path dir, String yaml, ExecutorService pool) throws Exception {
        Path file = dir.resolve("study.yaml");
        Files.writeString(file, yaml);
        String storage = dir.resolve("tracker").toString();
        CliInvocation.Result run = tunelab("run", file.toString(), "--storage", storage);
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("1 complete");
        CliInvocation.Result promote = tunelab("promote", yaml.lines().findFirst().orElseThrow().substring(7).trim(), "--trial", "0",
                "--model", "m", "--alias", "production", "--storage", storage);
        assertThat(promote.code()).as(promote.out() + promote.err()).isZero();
        int port = freePort();
        Future<CliInvocation.Result> serving = pool.submit(() -> tunelab("serve", "m@production", "--port", String.valueOf(port),
                "--storage", storage));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && !serving.isDone()) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return port;
                }
            } catch (java.io.IOException notYet) {
                // the server is still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server did not start: " + (serving.isDone() ? serving.get() : "timeout"));
    }

    @Test
    void aCsvRegressionNetworkServesNamedFeaturesThroughItsSavedTransform(@TempDir Path dir) throws Exception {
        Path csv = TestCsv.regression(dir, 300);
        String yaml = """
                study: csv-mlp
                direction: minimize
                metric: rmse
                sampler: {type: random, seed: 3}
                budget: {trials: 1}
                trainer: djl-mlp
                data: {dataset: csv, path: %s, target: y, task: regression}
                space:
                  learning_rate: {reciprocal: [5e-3, 1e-2]}
                fit: {epochs: 2, batch_size: 32}
                """.formatted(csv);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            int port = trainPromoteAndServe(dir, yaml, pool);

            HttpResponse<String> ok = post(port, "{\"instances\": [{\"x1\": 0.5, \"x2\": -1, \"x3\": 0.2}]}");
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            assertThat(JSON.readTree(ok.body()).get("predictions").get(0).get("value").isNumber()).isTrue();

            HttpResponse<String> bad = post(port, "{\"instances\": [{\"x1\": 0.5, \"x2\": -1}]}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("instances[0] is missing feature 'x3'");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSeriesNetworkServesAForecastForAWindowAndRefusesAWrongLength(@TempDir Path dir) throws Exception {
        String yaml = """
                study: series-rnn
                direction: minimize
                metric: val_loss
                sampler: {type: random, seed: 3}
                budget: {trials: 1}
                trainer: djl-rnn
                data: {dataset: synthetic-series, n_series: 300, n_steps: 12, horizon: 3, seed: 5}
                space:
                  cell: {choice: [gru]}
                fit: {epochs: 1, batch_size: 32}
                """;
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            int port = trainPromoteAndServe(dir, yaml, pool);

            HttpResponse<String> ok = post(port, "{\"instances\": [[0,0.1,0.2,0.3,0.4,0.5,0.4,0.3,0.2,0.1,0,-0.1]]}");
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            JsonNode forecast = JSON.readTree(ok.body()).get("predictions").get(0).get("value");
            assertThat(forecast.isArray()).isTrue();
            assertThat(forecast).hasSize(3);

            HttpResponse<String> rows = post(port, "{\"instances\": [[[0],[0.1],[0.2],[0.3],[0.4],[0.5],[0.4],[0.3],[0.2],"
                    + "[0.1],[0],[-0.1]]]}");
            assertThat(rows.statusCode()).as(rows.body()).isEqualTo(200);
            assertThat(JSON.readTree(rows.body()).get("predictions").get(0).get("value")).as("a window as rows of one column")
                    .isEqualTo(forecast);

            HttpResponse<String> bad = post(port, "{\"instances\": [[0,0.1,0.2]]}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("has 3 numbers; expected 12 (shape [12, 1])");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void predictTakesTheSeriesFileTheModelWasTrainedOnDropsItsDateAndForecastsFromTheLastWindow(@TempDir Path dir)
            throws Exception {
        StringBuilder csv = new StringBuilder("date,value\n");
        for (int i = 0; i < 120; i++) {
            csv.append("2020-01-01T").append(i).append(',').append(Math.sin(i / 5.0)).append('\n');
        }
        Path series = Files.writeString(dir.resolve("series.csv"), csv);
        Path file = Files.writeString(dir.resolve("study.yaml"), """
                study: sine
                direction: minimize
                metric: val_loss
                sampler: {type: random, seed: 3}
                budget: {trials: 1}
                trainer: djl-rnn
                data: {dataset: series, path: %s, target: value, drop: [date], n_steps: 5, horizon: 1}
                space:
                  cell: {choice: [gru]}
                fit: {epochs: 1, batch_size: 32}
                """.formatted(series));
        String storage = dir.resolve("tracker").toString();
        CliInvocation.Result run = tunelab("run", file.toString(), "--storage", storage);
        assertThat(run.code()).as(run.out() + run.err()).isZero();
        assertThat(tunelab("promote", "sine", "--model", "sine", "--alias", "production", "--storage", storage).code()).isZero();

        CliInvocation.Result last = tunelab("predict", "sine@production", "-i", series.toString(), "--storage", storage);
        assertThat(last.code()).as(last.err()).isZero();
        List<String> lines = last.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("date,value,prediction");
        assertThat(lines.get(1)).as("the forecast follows the last row").startsWith("2020-01-01T119,");
        assertThat(last.err()).contains("Forecast from the last 5 rows of " + series + " (the model's window, n_steps);"
                + " --windows all forecasts from every window.");

        CliInvocation.Result all = tunelab("predict", "sine@production", "-i", series.toString(), "--windows", "all",
                "--storage", storage);
        assertThat(all.out().lines().toList()).as("one forecast per window of 5 rows").hasSize(1 + 116)
                .contains(lines.get(1));
        assertThat(all.out().lines().toList().get(1)).startsWith("2020-01-01T4,");

        Path shortFile = Files.writeString(dir.resolve("short.csv"), "date,value\n2020-01-01T0,0.1\n2020-01-01T1,0.2\n");
        CliInvocation.Result tooShort = tunelab("predict", "sine@production", "-i", shortFile.toString(), "--storage", storage);
        assertThat(tooShort.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(tooShort.err()).contains("expected at least 5 rows of 'value' (the model's window, n_steps: 5); got 2");

        Path window = Files.writeString(dir.resolve("window.csv"), "x1,x2,x3,x4,x5\n0.1,0.2,0.3,0.4,0.5\n");
        CliInvocation.Result oneRow = tunelab("predict", "sine@production", "-i", window.toString(), "--storage", storage);
        assertThat(oneRow.code()).as("a window written as one row still works: " + oneRow.err()).isZero();
        CliInvocation.Result flatAll = tunelab("predict", "sine@production", "-i", window.toString(), "--windows", "all",
                "--storage", storage);
        assertThat(flatAll.code()).as("--windows is not ignored for one window per row").isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(flatAll.err()).contains("--windows applies to rows in sine v1's training file's layout (columns naming the"
                + " target 'value'), one row per time step; the input has one window per row: leave out --windows");
    }

    @Test
    void anImageFolderNetworkServesABase64PngAndRefusesAWronglyShapedArray(@TempDir Path dir) throws Exception {
        Path images = TestImages.darkAndLight(dir.resolve("images"));
        String yaml = """
                study: images-cnn
                direction: maximize
                metric: val_accuracy
                sampler: {type: random, seed: 3}
                budget: {trials: 1}
                trainer: djl-cnn
                data: {dataset: images, path: %s, image_size: [8, 8], channels: 1, augment: {flip: true, crop: 1}}
                space:
                  filters: {choice: [4]}
                  conv_blocks: {choice: [1]}
                fit: {epochs: 1, batch_size: 16}
                """.formatted(images);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            int port = trainPromoteAndServe(dir, yaml, pool);
            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(TestImages.grey(30), "png", png);

            HttpResponse<String> ok = post(port, "{\"instances\": [{\"png\": \""
                    + java.util.Base64.getEncoder().encodeToString(png.toByteArray()) + "\"}]}");
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            assertThat(JSON.readTree(ok.body()).get("predictions").get(0).get("probabilities").has("dark")).isTrue();

            HttpResponse<String> bad = post(port, "{\"instances\": [[[0.5], [0.5]]]}");
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("instances[0] does not match the image shape [8, 8, 1] (height, width, channels)");
        } finally {
            pool.shutdownNow();
        }
    }
}
