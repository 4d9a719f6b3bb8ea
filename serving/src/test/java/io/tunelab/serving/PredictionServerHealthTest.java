package io.tunelab.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunelab.trainers.predict.InputSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code GET /health} says when the server cannot follow its alias any more, while it keeps answering. */
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class PredictionServerHealthTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private JsonNode health(PredictionServer server) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("still answering, so still in a load balancer's pool").isEqualTo(200);
        return JSON.readTree(r.body());
    }

    @Test
    void aDeletedAliasMakesTheServerDegradedStillServingItsVersion() throws Exception {
        PredictionServerTest.AliasResolver resolver = new PredictionServerTest.AliasResolver(InputSchema.shape(2));
        try (PredictionServer server = new PredictionServer(resolver, new PredictionServer.Options(10_000, 16,
                Duration.ofMillis(50))).start("127.0.0.1", 0)) {
            assertThat(health(server).get("status").asText()).isEqualTo("ok");

            resolver.alias.set(null);
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            JsonNode body = health(server);
            while (!body.get("status").asText().equals("degraded") && System.nanoTime() < until) {
                Thread.sleep(50);
                body = health(server);
            }
            assertThat(body.get("status").asText()).isEqualTo("degraded");
            assertThat(body.get("version").asInt()).isEqualTo(1);
            assertThat(body.get("problem").asText())
                    .isEqualTo("model 'fashion' has no alias 'production'; still serving fashion v1");

            resolver.alias.set(new ModelRef("fashion", 1));
            while (!health(server).get("status").asText().equals("ok") && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertThat(health(server).has("problem")).as("recovered").isFalse();
        }
    }
}
