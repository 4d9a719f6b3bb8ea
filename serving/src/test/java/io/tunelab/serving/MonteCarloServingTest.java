package io.tunelab.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.Test;

/** {@code --mc-samples}: answers carry the mean and spread the predictor samples; a model that cannot is refused at start. */
class MonteCarloServingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A forecaster of two values whose spread is 1 / samples; it samples only when {@code sampling}. */
    private record Forecaster(boolean sampling) implements Predictor {
        @Override
        public InputSchema schema() {
            return InputSchema.shape(3);
        }

        @Override
        public List<Prediction> predict(float[][] rows) {
            return predict(rows, 1);
        }

        @Override
        public boolean samples() {
            return sampling;
        }

        @Override
        public List<Prediction> predict(float[][] rows, int samples) {
            List<Prediction> out = new ArrayList<>();
            for (float[] row : rows) {
                out.add(new Prediction(List.of((double) row[2], (double) row[2]), Map.of(),
                        samples > 1 ? List.of(1.0 / samples, 1.0 / samples) : null));
            }
            return out;
        }
    }

    private JsonNode serve(Predictor predictor, int samples, int expectedStatus) throws Exception {
        ModelResolver resolver = new FixedResolver("series", predictor);
        try (PredictionServer server = new PredictionServer(resolver,
                new PredictionServer.Options(10_000, 16, Duration.ofHours(1), samples)).start("127.0.0.1", 0)) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/predict")).timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(
                    "{\"instances\": [[1, 2, 3]]}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(expectedStatus);
            return JSON.readTree(r.body());
        }
    }

    @Test
    void aSampledForecastAnswersItsMeanValuesAndTheirSpread() throws Exception {
        JsonNode p = serve(new Forecaster(true), 30, 200).get("predictions").get(0);

        assertThat(p.get("value").toString()).isEqualTo("[3.0,3.0]");
        assertThat(p.get("spread").get(0).asDouble()).isEqualTo(1.0 / 30);
    }

    @Test
    void withoutSamplingThereIsNoSpread() throws Exception {
        JsonNode p = serve(new Forecaster(true), 1, 200).get("predictions").get(0);

        assertThat(p.has("spread")).isFalse();
    }

    @Test
    void aModelThatCannotSampleIsRefusedWhenTheServerStartsNotAtEachRequest() {
        PredictionServer server = new PredictionServer(new FixedResolver("series", new Forecaster(false)),
                new PredictionServer.Options(10_000, 16, Duration.ofHours(1), 30));

        assertThatThrownBy(() -> server.start("127.0.0.1", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--mc-samples 30: series v1 is not a network with dropout to sample; serve it without --mc-samples");
        server.close();
    }
}
