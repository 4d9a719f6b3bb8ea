package io.tunelab.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunelab.trainers.djl.ActivationKind;
import io.tunelab.trainers.djl.Architecture;
import io.tunelab.trainers.djl.CnnArchitecture;
import io.tunelab.trainers.djl.DjlPredictor;
import io.tunelab.trainers.djl.ModelFiles;
import io.tunelab.trainers.djl.Networks;
import io.tunelab.trainers.djl.PoolingKind;
import io.tunelab.trainers.djl.RecurrentCell;
import io.tunelab.trainers.djl.RnnArchitecture;
import io.tunelab.trainers.djl.WeightInit;
import io.tunelab.trainers.predict.Prediction;
import io.tunelab.trainers.predict.Predictor;
import io.tunelab.trainers.sources.DataCard;
import io.tunelab.trainers.sources.ImageFolders;
import io.tunelab.trainers.sources.Scaling;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved DJL networks of an image folder and of a series, loaded as {@code serve} loads them and answering
 * over HTTP: an image as a base64 PNG or a height × width × channels array, a series window as its
 * {@code n_steps} values or as rows; bad instances get a 400 naming the field and the expected shape.
 */
@Timeout(120)
class ServedNetworksTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    @TempDir
    Path dir;

    /** Saves an untrained network of {@code architecture} with {@code card}, as a trial's best checkpoint is saved. */
    private DjlPredictor saved(Architecture architecture, DataCard card) throws IOException {
        return saved(architecture, card, dir);
    }

    static DjlPredictor saved(Architecture architecture, DataCard card, Path into) throws IOException {
        try (Model model = ModelFiles.newModel("m", Device.cpu())) {
            model.setBlock(Networks.build(architecture, 3));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, Networks.batchShape(architecture, 1));
            ModelFiles.save(model, architecture, into, "best");
        }
        card.write(ModelFiles.dataCardFile(into, "best"));
        return DjlPredictor.load(into.resolve("best-0000.params"), List.of());
    }

    private Map<String, HttpResponse<String>> serve(Predictor predictor, List<String> bodies) throws Exception {
        ModelResolver resolver = new FixedResolver("net", predictor);
        Map<String, HttpResponse<String>> answers = new LinkedHashMap<>();
        try (PredictionServer server = new PredictionServer(resolver, PredictionServer.Options.defaults()).start("127.0.0.1", 0)) {
            for (String body : bodies) {
                answers.put(body, http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/predict"))
                        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
        }
        return answers;
    }

    /** A 5-wide, 6-high RGB image whose every pixel and channel differ. */
    private static BufferedImage picture() {
        BufferedImage image = new BufferedImage(5, 6, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 5; x++) {
                image.setRGB(x, y, ((40 * x) << 16) | ((40 * y) << 8) | (7 * x * y));
            }
        }
        return image;
    }

    private static String png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    @Test
    void anImageModelAnswersAPngAndTheSamePixelsAsAHeightWidthChannelsArrayAlike() throws Exception {
        CnnArchitecture cnn = new CnnArchitecture(List.of(3, 6, 5), 1, 4, 3, PoolingKind.MAX, 8, 0, ActivationKind.RELU,
                WeightInit.HE, false, 3);
        try (DjlPredictor predictor = saved(cnn, DataCard.classes(List.of("cat", "dog", "owl"), DataCard.Input.IMAGE))) {
            assertThat(predictor.schema().image()).isTrue();
            float[] planes = ImageFolders.pixels(picture(), 6, 5, 3);
            StringBuilder hwc = new StringBuilder("[");
            for (int y = 0; y < 6; y++) {
                hwc.append(y > 0 ? "," : "").append('[');
                for (int x = 0; x < 5; x++) {
                    hwc.append(x > 0 ? "," : "").append('[');
                    for (int c = 0; c < 3; c++) {
                        hwc.append(c > 0 ? "," : "").append(planes[c * 30 + y * 5 + x]);
                    }
                    hwc.append(']');
                }
                hwc.append(']');
            }
            hwc.append(']');
            Prediction direct = predictor.predict(new float[][] {planes}).get(0);
            String asPng = "{\"instances\": [{\"png\": \"" + png(picture()) + "\"}]}";
            String asArray = "{\"instances\": [" + hwc + "]}";

            Map<String, HttpResponse<String>> answers = serve(predictor, List.of(asPng, asArray));

            for (HttpResponse<String> r : answers.values()) {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                JsonNode p = JSON.readTree(r.body()).get("predictions").get(0);
                assertThat(p.get("class").asText()).isEqualTo(direct.output());
                for (String name : List.of("cat", "dog", "owl")) {
                    assertThat(p.get("probabilities").get(name).asDouble()).as(name)
                            .isCloseTo(direct.probabilities().get(name), within(1e-6));
                }
            }
        }
    }

    @Test
    void badImageInstancesGetA400NamingTheFieldAndTheExpectedShape() throws Exception {
        CnnArchitecture cnn = new CnnArchitecture(List.of(1, 4, 3), 1, 2, 3, PoolingKind.MAX, 4, 0, ActivationKind.RELU,
                WeightInit.HE, false, 2);
        String grey = "[[[0.1],[0.2],[0.3]],[[0.1],[0.2],[0.3]],[[0.1],[0.2],[0.3]],[[0.1],[0.2],[0.3]]]";
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("[[[0.1],[0.2],[0.3]]]", "instances[0] does not match the image shape [4, 3, 1] (height, width, channels):"
                + " expected 4 rows, got 3");
        cases.put("[" + grey.replace("[[0.1],[0.2],[0.3]]]", "[[0.1],[0.2]]]") + "]",
                "instances[0][3] does not match the image shape [4, 3, 1]");
        cases.put("[" + grey.replaceFirst("\\[0.2]", "[0.2, 0.5]") + "]", "instances[0][0][1] does not match the image shape"
                + " [4, 3, 1] (height, width, channels): expected an array of 1 channel values");
        cases.put("[" + grey.replaceFirst("0.2", "\"x\"") + "]", "instances[0][0][1][0] must be a number");
        cases.put("[{\"png\": \"%%%\"}]", "instances[0].png is not base64");
        cases.put("[{\"png\": \"" + Base64.getEncoder().encodeToString("hello".getBytes()) + "\"}]",
                "instances[0].png is not a PNG or JPEG image");
        cases.put("[{\"png\": 7}]", "instances[0].png must be a base64 string");
        cases.put("[{\"jpeg\": \"abc\"}]", "instances[0] must be an object with the one field \"png\"");
        cases.put("[\"cat.png\"]", "instances[0] must be {\"png\": \"<base64>\"} or an array of shape [4, 3, 1]");
        try (DjlPredictor predictor = saved(cnn, DataCard.classes(List.of("a", "b"), DataCard.Input.IMAGE))) {
            List<String> bodies = new java.util.ArrayList<>(cases.keySet());
            bodies.add("[" + grey + "]");
            bodies.add("[{\"png\": \"" + png(picture()) + "\"}]");

            Map<String, HttpResponse<String>> answers = serve(predictor, bodies);

            for (Map.Entry<String, String> c : cases.entrySet()) {
                HttpResponse<String> r = answers.get(c.getKey());
                assertThat(r.statusCode()).as(c.getKey() + " -> " + r.body()).isEqualTo(400);
                assertThat(JSON.readTree(r.body()).get("error").asText()).as(c.getKey()).contains(c.getValue());
            }
            assertThat(answers.get("[" + grey + "]").statusCode()).isEqualTo(200);
            assertThat(answers.get(bodies.get(bodies.size() - 1)).statusCode()).as("a PNG of another size is scaled")
                    .isEqualTo(200);
        }
    }

    @Test
    void aSeriesModelAnswersAWindowOfItsStepsAsValuesOrAsRowsAndRefusesAnotherLength() throws Exception {
        RnnArchitecture rnn = new RnnArchitecture(List.of(8, 1), RecurrentCell.GRU, List.of(4), 0, 0, 0, 0, WeightInit.GLOROT,
                2);
        try (DjlPredictor predictor = saved(rnn, DataCard.regression(DataCard.Input.SERIES))) {
            float[] window = {0f, 0.1f, 0.2f, 0.3f, 0.2f, 0.1f, 0f, -0.1f};
            Object direct = predictor.predict(new float[][] {window}).get(0).output();
            String values = "[[0, 0.1, 0.2, 0.3, 0.2, 0.1, 0, -0.1]]";
            String rows = "[[[0], [0.1], [0.2], [0.3], [0.2], [0.1], [0], [-0.1]]]";

            Map<String, HttpResponse<String>> answers = serve(predictor, List.of(values, rows, "[[0, 0.1, 0.2]]",
                    "[[[0, 1], [0.1, 1]]]"));

            for (String ok : List.of(values, rows)) {
                assertThat(answers.get(ok).statusCode()).as(answers.get(ok).body()).isEqualTo(200);
                JsonNode forecast = JSON.readTree(answers.get(ok).body()).get("predictions").get(0).get("value");
                assertThat(forecast).hasSize(2);
                List<?> expected = (List<?>) direct;
                for (int k = 0; k < 2; k++) {
                    assertThat(forecast.get(k).asDouble()).isCloseTo((Double) expected.get(k), within(1e-6));
                }
            }
            assertThat(answers.get("[[0, 0.1, 0.2]]").statusCode()).isEqualTo(400);
            assertThat(answers.get("[[0, 0.1, 0.2]]").body()).contains("instances[0] has 3 numbers; expected 8 (shape [8, 1])");
            assertThat(answers.get("[[[0, 1], [0.1, 1]]]").body()).contains("instances[0] does not match shape [8, 1]");
        }
    }

    @Test
    void aSeriesModelTrainedOnScaledValuesTakesWindowsAndAnswersForecastsInTheSeriesUnits() throws Exception {
        RnnArchitecture rnn = new RnnArchitecture(List.of(4, 1), RecurrentCell.GRU, List.of(4), 0, 0, 0, 0, WeightInit.GLOROT,
                2);
        // the same network, once with a card that scales by mean 1000 and std 2, once on values as they are
        DataCard plainCard = DataCard.regression(DataCard.Input.SERIES);
        DataCard scaledCard = plainCard.withScaling(new Scaling(new double[] {1000}, new double[] {2}, 1000, 2));
        try (DjlPredictor plain = saved(rnn, plainCard, java.nio.file.Files.createDirectories(dir.resolve("plain")));
             DjlPredictor scaled = saved(rnn, scaledCard, java.nio.file.Files.createDirectories(dir.resolve("scaled")))) {
            List<?> raw = (List<?>) plain.predict(new float[][] {{0.5f, -0.25f, 1f, 0f}}).get(0).output();

            Map<String, HttpResponse<String>> answers = serve(scaled, List.of("[[1001, 999.5, 1002, 1000]]"));

            HttpResponse<String> answer = answers.get("[[1001, 999.5, 1002, 1000]]");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            JsonNode forecast = JSON.readTree(answer.body()).get("predictions").get(0).get("value");
            for (int k = 0; k < 2; k++) {
                assertThat(forecast.get(k).asDouble()).as("1000 + 2 x the network's output on the scaled window")
                        .isCloseTo(1000 + 2 * (Double) raw.get(k), within(1e-3));
            }
        }
    }
}
