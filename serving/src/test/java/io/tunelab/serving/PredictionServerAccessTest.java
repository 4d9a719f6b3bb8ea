package io.tunelab.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunelab.search.access.BearerToken;
import io.tunelab.trainers.predict.InputSchema;
import io.tunelab.trainers.predict.Prediction;
import io.tunelab.trainers.predict.Predictor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Who may call {@code POST /predict}, and what a 500 tells the caller. "Beyond loopback" is tested by
 * binding {@code 0.0.0.0} and connecting through {@code 127.0.0.1}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PredictionServerAccessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROW = "[[1, 1, 1, 1]]";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private PredictionServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private PredictionServer start(String host, PredictAccess access) {
        server = new PredictionServer(new PredictionServerTest.AliasResolver(InputSchema.shape(2, 2)),
                new PredictionServer.Options(10_000, 16, Duration.ofHours(1)), access).start(host, 0);
        return server;
    }

    private HttpResponse<String> predict(String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/predict"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ROW));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> health() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void beyondLoopbackPredictionsNeedTheGeneratedToken() throws Exception {
        start("0.0.0.0", PredictAccess.defaults());
        assertThat(server.token()).hasSize(48);
        HttpResponse<String> refused = predict();
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(refused.body()).get("error").asText()).contains("Authorization: Bearer");
        assertThat(predict("Authorization", "Bearer not-it").statusCode()).isEqualTo(401);
        assertThat(predict("Authorization", "Bearer " + server.token()).statusCode()).isEqualTo(200);
        assertThat(predict("X-Tunelab-Token", server.token()).statusCode()).isEqualTo(200);
        assertThat(health().statusCode()).isEqualTo(200);
    }

    @Test
    void aGivenTokenIsTheOneAskedFor() throws Exception {
        start("0.0.0.0", new PredictAccess(new BearerToken("from-the-file"), false));
        assertThat(server.token()).isEqualTo("from-the-file");
        assertThat(predict("Authorization", "Bearer from-the-file").statusCode()).isEqualTo(200);
        assertThat(predict().statusCode()).isEqualTo(401);
    }

    @Test
    void publicTurnsTheTokenOffAndLoopbackNeedsNone() throws Exception {
        start("0.0.0.0", new PredictAccess(null, true));
        assertThat(server.token()).isNull();
        assertThat(predict().statusCode()).isEqualTo(200);
        server.close();
        start("127.0.0.1", PredictAccess.defaults());
        assertThat(server.token()).isNull();
        assertThat(predict().statusCode()).isEqualTo(200);
    }

    @Test
    void aFailureAnswersAnErrorIdAndKeepsItsMessageInTheLog() throws Exception {
        String secret = "cannot open /srv/models/private-key-42";
        Predictor failing = new Predictor() {
            @Override
            public InputSchema schema() {
                return InputSchema.shape(2, 2);
            }

            @Override
            public List<Prediction> predict(float[][] rows) {
                throw new IllegalStateException(secret);
            }
        };
        server = new PredictionServer(new FixedResolver("fashion", failing),
                new PredictionServer.Options(10_000, 16, Duration.ofHours(1))).start("127.0.0.1", 0);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        HttpResponse<String> r;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            r = predict();
        } finally {
            System.setErr(err);
        }
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).doesNotContain("private-key-42");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("error").asText()).isEqualTo("internal error");
        String id = body.get("error_id").asText();
        assertThat(id).isNotBlank();
        assertThat(log.toString(StandardCharsets.UTF_8)).contains(id, secret);
    }
}
