package io.tunelab.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.testing.http.JavalinInternals;
import io.tunelab.trainers.predict.InputSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Requests that reach a server the moment it starts, all at once (a load balancer adding it), are all
 * answered. Javalin creates its request configuration lazily, and not thread-safely, on the first request:
 * two first requests at once made one fail with a NullPointerException (500).
 */
@Timeout(120)
class PredictionServerFirstRequestsTest {
    private static final int SERVERS = 10;
    private static final int AT_ONCE = 8;

    @Test
    void aStartedServerHasAlreadyBuiltJavalinsLazyRequestConfiguration() throws Exception {
        PredictionServer server = new PredictionServer(new PredictionServerTest.AliasResolver(InputSchema.shape(2, 2)),
                new PredictionServer.Options(10_000, 16, Duration.ofHours(1))).start("127.0.0.1", 0);
        try {
            java.lang.reflect.Field app = PredictionServer.class.getDeclaredField("app");
            app.setAccessible(true);

            assertThat(JavalinInternals.requestConfigurationBuilt(((io.javalin.Javalin) app.get(server)).javalinServlet()))
                    .as("built before any client's request").isTrue();
        } finally {
            server.close();
        }
    }

    @Test
    void eightRequestsArrivingTogetherAtANewServerAreAllAnswered() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            for (int s = 0; s < SERVERS; s++) {
                PredictionServer server = new PredictionServer(new PredictionServerTest.AliasResolver(InputSchema.shape(2, 2)),
                        new PredictionServer.Options(10_000, 16, Duration.ofHours(1))).start("127.0.0.1", 0);
                try {
                    CyclicBarrier together = new CyclicBarrier(AT_ONCE);
                    List<Future<Integer>> answers = new ArrayList<>();
                    for (int i = 0; i < AT_ONCE; i++) {
                        answers.add(pool.submit(() -> {
                            together.await(10, TimeUnit.SECONDS);
                            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/predict"))
                                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("[[1, 1, 0, 0]]")).build(),
                                    HttpResponse.BodyHandlers.ofString()).statusCode();
                        }));
                    }
                    for (Future<Integer> answer : answers) {
                        assertThat(answer.get(60, TimeUnit.SECONDS)).as("server %d", s).isEqualTo(200);
                    }
                } finally {
                    server.close();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
