package io.tunelab.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunelab.trainers.predict.InputSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server follows its alias by itself: a moved alias is served within the poll interval, nobody calling refresh. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AliasReloadTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private int servedVersion(PredictionServer server) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).get("version").asInt();
    }

    @Test
    void aMovedAliasIsServedWithinThePollInterval() throws Exception {
        Duration interval = Duration.ofMillis(300);
        PredictionServerTest.AliasResolver resolver = new PredictionServerTest.AliasResolver(InputSchema.shape(2));
        try (PredictionServer server = new PredictionServer(resolver, new PredictionServer.Options(10_000, 16, interval))
                .start("127.0.0.1", 0)) {
            assertThat(servedVersion(server)).isEqualTo(1);

            resolver.alias.set(new ModelRef("fashion", 2));
            long moved = System.nanoTime();
            long deadline = moved + Duration.ofSeconds(30).toNanos();
            while (servedVersion(server) != 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - moved);

            assertThat(servedVersion(server)).isEqualTo(2);
            // the loading here is instant; the slack is for a busy machine's scheduling
            assertThat(took).isLessThan(interval.plusMillis(700));
        }
    }
}
