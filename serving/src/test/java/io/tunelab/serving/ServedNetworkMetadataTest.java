package io.tunelab.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunelab.trainers.data.FashionMnist;
import io.tunelab.trainers.djl.ActivationKind;
import io.tunelab.trainers.djl.DjlPredictor;
import io.tunelab.trainers.djl.MlpArchitecture;
import io.tunelab.trainers.djl.RecurrentCell;
import io.tunelab.trainers.djl.RnnArchitecture;
import io.tunelab.trainers.djl.WeightInit;
import io.tunelab.trainers.sources.CsvDatasets;
import io.tunelab.trainers.sources.DataCard;
import io.tunelab.trainers.sources.SeriesDatasets;
import io.tunelab.trainers.sources.TrainingData;
import io.tunelab.trainers.tabular.CsvOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code GET /metadata} says of saved DJL networks, from the data card they were trained with: the task, the target,
 * the classes and the output type; and that a network of pixels scaled to [0, 1] refuses raw 0-255 pixels.
 */
@Timeout(120)
class ServedNetworkMetadataTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    @TempDir
    Path dir;

    /** A server of {@code predictor}; closing it closes the predictor. */
    private static PredictionServer serve(DjlPredictor predictor) {
        return new PredictionServer(new FixedResolver("net", predictor), PredictionServer.Options.defaults()).start("127.0.0.1", 0);
    }

    /** GET {@code path} without a body, else POST the body to it. */
    private HttpResponse<String> send(PredictionServer server, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30));
        return http.send(body == null ? request.GET().build() : request.POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static MlpArchitecture mlp(int inputs, int outputs) {
        return new MlpArchitecture(List.of(inputs), List.of(4), ActivationKind.RELU, WeightInit.HE, false, 0, false, outputs);
    }

    @Test
    void aFashionMnistClassifierSaysItClassifiesTheLabelIntoItsClassesOfPixelsInZeroToOne() throws Exception {
        DataCard card = DataCard.labelledImages(FashionMnist.CLASS_NAMES, DataCard.Input.TENSOR);
        try (PredictionServer server = serve(ServedNetworksTest.saved(mlp(784, 10), card, dir))) {
            JsonNode metadata = JSON.readTree(send(server, "/metadata", null).body());

            assertThat(metadata.get("task").asText()).isEqualTo("classification");
            assertThat(metadata.at("/outputs/name").asText()).isEqualTo("label");
            assertThat(metadata.at("/outputs/type").asText()).isEqualTo("string");
            assertThat(metadata.at("/outputs/classes").toString()).contains("\"T-shirt/top\"", "\"Bag\"");
            assertThat(metadata.at("/inputs/range").toString()).isEqualTo("[0.0,1.0]");
        }
    }

    @Test
    void aFashionMnistClassifierRefusesRawPixelsWithA400ThatSaysDivideBy255() throws Exception {
        DataCard card = DataCard.labelledImages(FashionMnist.CLASS_NAMES, DataCard.Input.TENSOR);
        List<Integer> pixels = Collections.nCopies(784, 0);
        String raw = "{\"instances\": [" + pixels.toString().replaceFirst("0", "0.5").replaceFirst(", 0,", ", 254,") + "]}";
        try (PredictionServer server = serve(ServedNetworksTest.saved(mlp(784, 10), card, dir))) {
            HttpResponse<String> answer = send(server, "/predict", raw);

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(answer.body()).get("error").asText())
                    .startsWith("instances[0][1] is 254, outside the model's input range [0, 1]")
                    .contains("divide the raw values by 255");
            assertThat(send(server, "/predict", "{\"instances\": [" + pixels + "]}").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aSeriesForecasterSaysItForecastsItsTargetColumnOverTheHorizon() throws Exception {
        Path csv = dir.resolve("temps.csv");
        StringBuilder rows = new StringBuilder("temp\n");
        for (int r = 0; r < 100; r++) {
            rows.append(Math.sin(r / 3.0)).append('\n');
        }
        Files.writeString(csv, rows);
        TrainingData data = SeriesDatasets.csv(csv, "temp", 4, 2, 0.2, 0.1);
        RnnArchitecture rnn = new RnnArchitecture(List.of(4, 1), RecurrentCell.GRU, List.of(4), 0, 0, 0, 0, WeightInit.GLOROT,
                2);
        try (PredictionServer server = serve(ServedNetworksTest.saved(rnn, data.card(), dir))) {
            JsonNode metadata = JSON.readTree(send(server, "/metadata", null).body());

            assertThat(metadata.get("task").asText()).isEqualTo("forecasting");
            assertThat(metadata.at("/outputs/name").asText()).isEqualTo("temp");
            assertThat(metadata.at("/outputs/type").asText()).isEqualTo("double");
            assertThat(metadata.at("/outputs/shape").toString()).isEqualTo("[2]");
            assertThat(metadata.at("/inputs/range").isMissingNode()).as("a standardised series has no fixed range").isTrue();
            assertThat(metadata.at("/inputs/series").toString()).as("the training file's layout, for its rows as input")
                    .isEqualTo("{\"columns\":[\"temp\"],\"dropped\":[],\"n_steps\":4}");
        }
    }

    @Test
    void aCsvClassifierSaysItClassifiesItsTargetColumnAndTakesValuesBeyondTheTrainingExtremes() throws Exception {
        Path csv = dir.resolve("iris.csv");
        StringBuilder rows = new StringBuilder("petal,species\n");
        for (int r = 0; r < 30; r++) {
            rows.append(r % 3 + r / 10.0).append(',').append(List.of("setosa", "versicolor", "virginica").get(r % 3)).append('\n');
        }
        Files.writeString(csv, rows);
        TrainingData data = CsvDatasets.load(csv, CsvOptions.classification("species"), 0.2, 0.2, 1);
        try (PredictionServer server = serve(ServedNetworksTest.saved(mlp(1, 3), data.card(), dir))) {
            JsonNode metadata = JSON.readTree(send(server, "/metadata", null).body());

            assertThat(metadata.get("task").asText()).isEqualTo("classification");
            assertThat(metadata.at("/outputs/name").asText()).isEqualTo("species");
            assertThat(metadata.at("/outputs/type").asText()).isEqualTo("string");
            assertThat(metadata.at("/outputs/classes").toString()).isEqualTo("[\"setosa\",\"versicolor\",\"virginica\"]");
            assertThat(send(server, "/predict", "[{\"petal\": 1000}]").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aModelSavedWithoutACardStillAnswersItsMetadataNamingNoTarget() throws Exception {
        ServedNetworksTest.saved(mlp(3, 2), DataCard.classes(List.of("a", "b"), DataCard.Input.TENSOR), dir).close();
        Files.delete(dir.resolve("best.data.json"));
        try (PredictionServer server = serve(DjlPredictor.load(dir.resolve("best-0000.params"), List.of("a", "b")))) {
            HttpResponse<String> answer = send(server, "/metadata", null);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(answer.body()).at("/outputs/name").isNull()).isTrue();
            assertThat(send(server, "/predict", "[[255, 0, -3]]").statusCode()).as("no range: any number").isEqualTo(200);
        }
    }
}
