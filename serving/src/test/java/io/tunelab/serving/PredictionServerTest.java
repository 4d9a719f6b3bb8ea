package io.tunelab.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunelab.trainers.predict.InputSchema;
import io.tunelab.trainers.predict.Prediction;
import io.tunelab.trainers.predict.Predictor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class PredictionServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Predicts class "big" when the sum of the row exceeds the version number, else "small". */
    static class SumPredictor implements Predictor {
        final int version;
        final InputSchema schema;
        volatile boolean closed;
        volatile CountDownLatch hold;
        final CountDownLatch entered = new CountDownLatch(4);

        SumPredictor(int version, InputSchema schema) {
            this.version = version;
            this.schema = schema;
        }

        @Override
        public InputSchema schema() {
            return schema;
        }

        @Override
        public List<Prediction> predict(float[][] rows) {
            if (closed) {
                throw new IllegalStateException("predictor v" + version + " used after close");
            }
            entered.countDown();
            awaitHold();
            List<Prediction> out = new ArrayList<>();
            for (float[] row : rows) {
                double sum = 0;
                for (float v : row) {
                    sum += v;
                }
                boolean big = sum > version;
                out.add(new Prediction(big ? "big" : "small", Map.of("big", big ? 0.9 : 0.1, "small", big ? 0.1 : 0.9)));
            }
            if (closed) {
                throw new IllegalStateException("predictor v" + version + " closed while in use");
            }
            return out;
        }

        private void awaitHold() {
            CountDownLatch h = hold;
            if (h != null) {
                try {
                    h.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static class AliasResolver implements ModelResolver {
        final AtomicReference<ModelRef> alias = new AtomicReference<>(new ModelRef("fashion", 1));
        final Map<Integer, SumPredictor> loaded = new ConcurrentHashMap<>();
        final InputSchema schema;

        AliasResolver(InputSchema schema) {
            this.schema = schema;
        }

        /** @throws IllegalStateException once the alias is set to null, as a deleted alias */
        @Override
        public ModelRef current() {
            ModelRef ref = alias.get();
            if (ref == null) {
                throw new IllegalStateException("model 'fashion' has no alias 'production'");
            }
            return ref;
        }

        @Override
        public Predictor load(ModelRef ref) {
            return loaded.computeIfAbsent(ref.version(), v -> new SumPredictor(v, schema));
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private AliasResolver resolver;
    private PredictionServer server;

    @BeforeEach
    void start() {
        resolver = new AliasResolver(InputSchema.shape(2, 2));
        server = new PredictionServer(resolver, new PredictionServer.Options(10_000, 16, Duration.ofHours(1)))
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/predict"))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPredictionNamesTheClassTheProbabilitiesAndTheVersion() throws Exception {
        HttpResponse<String> r = post("{\"instances\": [[1, 1, 1, 1], [[0, 0], [0, 0.5]]]}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Model-Version")).contains("1");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("predictions")).hasSize(2);
        assertThat(body.get("predictions").get(0).get("class").asText()).isEqualTo("big");
        assertThat(body.get("predictions").get(1).get("class").asText()).isEqualTo("small");
        assertThat(body.get("predictions").get(0).get("probabilities").get("big").asDouble()).isEqualTo(0.9);
    }

    @Test
    void healthSaysWhichVersionIsLive() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(r.body()).get("version").asInt()).isEqualTo(1);
    }

    @Test
    void badInputGetsA400AndATooLargeBodyA413ThatSayWhatIsWrong() throws Exception {
        Map<String, String> cases = Map.of(
                "{\"instances\": [[1, 2, 3]]}", "has 3 numbers; expected 4",
                "{\"instances\": [[1, 2, \"x\", 4]]}", "instances[0][2] must be a number",
                "{\"instances\": [[[1, 2], [3]]]}", "does not match shape",
                "{\"instances\": []}", "is empty",
                "{\"rows\": 1}", "{\\\"instances\\\"",
                "not json", "not valid JSON",
                "[[1,2,3,4]," + "[1,2,3,4],".repeat(20) + "[1,2,3,4]]", "at most 16 instances",
                "{\"instances\": [[1, 2, 3, " + "1".repeat(12_000) + "]]}", "bytes");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> r = post(c.getKey());
            assertThat(r.statusCode()).as(c.getValue()).isEqualTo(c.getValue().equals("bytes") ? 413 : 400);
            assertThat(JSON.readTree(r.body()).get("error").asText()).as(c.getKey()).contains(
                    c.getValue().replace("\\\"", "\""));
        }
    }

    @Test
    void namedFeaturesAreCheckedByName() throws Exception {
        server.close();
        resolver = new AliasResolver(InputSchema.features(List.of("age", "income")));
        server = new PredictionServer(resolver, PredictionServer.Options.defaults()).start("127.0.0.1", 0);
        assertThat(post("[{\"age\": 0.5, \"income\": 1}]").statusCode()).isEqualTo(200);
        HttpResponse<String> missing = post("[{\"age\": 0.5}]");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("missing feature 'income'");
        HttpResponse<String> extra = post("[{\"age\": 1, \"income\": 1, \"zip\": 2}]");
        assertThat(extra.statusCode()).as("a column the model does not take is ignored").isEqualTo(200);
        assertThat(extra.headers().firstValue("X-Ignored-Columns")).contains("zip");
        assertThat(post("[{\"age\": 1, \"inome\": 1}]").body()).contains("unknown feature 'inome' (did you mean 'income'?)");
    }

    @Test
    void aNullFeatureReachesThePredictorAsAMissingValue() throws Exception {
        server.close();
        List<float[]> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        resolver = new AliasResolver(InputSchema.features(List.of("age", "income"))) {
            @Override
            public Predictor load(ModelRef ref) {
                return new SumPredictor(ref.version(), schema) {
                    @Override
                    public List<Prediction> predict(float[][] rows) {
                        seen.addAll(List.of(rows));
                        return super.predict(rows);
                    }
                };
            }
        };
        server = new PredictionServer(resolver, PredictionServer.Options.defaults()).start("127.0.0.1", 0);

        assertThat(post("[{\"age\": 0.5, \"income\": null}]").statusCode()).isEqualTo(200);

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)[0]).isEqualTo(0.5f);
        assertThat(seen.get(0)[1]).isNaN();
    }

    @Test
    void whenTheAliasMovesTheServerSwitchesWithoutFailingRequestsInFlight() throws Exception {
        SumPredictor v1 = (SumPredictor) resolver.load(new ModelRef("fashion", 1));
        v1.hold = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            inFlight.add(pool.submit(() -> post("[[1, 1, 0, 0]]")));
        }
        assertThat(v1.entered.await(30, TimeUnit.SECONDS)).as("all four requests are in flight").isTrue();
        resolver.alias.set(new ModelRef("fashion", 2));
        assertThat(server.refresh()).isTrue();
        assertThat(v1.closed).as("v1 stays open while requests use it").isFalse();
        v1.hold.countDown();
        for (Future<HttpResponse<String>> f : inFlight) {
            HttpResponse<String> r = f.get(30, TimeUnit.SECONDS);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Model-Version")).contains("1");
        }
        pool.shutdown();
        HttpResponse<String> after = post("[[1, 1, 0, 0]]");
        assertThat(after.headers().firstValue("X-Model-Version")).contains("2");
        assertThat(JSON.readTree(after.body()).get("predictions").get(0).get("class").asText()).isEqualTo("small");
        assertThat(v1.closed).as("v1 is closed once idle").isTrue();
        assertThat(server.refresh()).isFalse();
    }

    @Test
    void unknownEndpointsAnswerJson() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/nope")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(r.body()).get("error").asText()).contains("/nope");
    }
}
