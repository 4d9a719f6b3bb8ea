package io.tunelab.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunelab.trainers.predict.InputSchema;
import io.tunelab.trainers.predict.InputSchema.Column;
import io.tunelab.trainers.predict.Prediction;
import io.tunelab.trainers.predict.Predictor;
import io.tunelab.trainers.predict.SeriesLayout;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /invocations} takes the bodies MLflow's scoring server takes and answers as it does,
 * {@code {"predictions": [...]}}; its bad input gets the 400s of {@code /predict}.
 */
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class PredictionServerInvocationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** "big" when petal plus the indicators exceeds 1 (the version). */
    private static final InputSchema SCHEMA = InputSchema.columns(List.of(
            new Column("petal", List.of()), new Column("colour", List.of("blue", "red"))));

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private PredictionServer server;

    @BeforeEach
    void start() {
        server = new PredictionServer(new PredictionServerTest.AliasResolver(SCHEMA),
                new PredictionServer.Options(10_000, 3, Duration.ofHours(1))).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String type, String body) throws Exception {
        return post("/invocations", type, body);
    }

    private HttpResponse<String> post(String path, String type, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ok(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Model-Version")).contains("1");
        return JSON.readTree(r.body());
    }

    @Test
    void everyMlflowJsonFormAnswersOnePredictionPerInstance() throws Exception {
        List<String> bodies = List.of(
                "{\"dataframe_split\": {\"columns\": [\"petal\", \"colour\"], \"data\": [[0.5, \"red\"], [0, \"blue\"]]}}",
                "{\"dataframe_split\": {\"index\": [7, 8], \"columns\": [\"colour\", \"petal\"],"
                        + " \"data\": [[\"red\", 0.5], [\"blue\", 0]]}}",
                "{\"dataframe_records\": [{\"petal\": 0.5, \"colour\": \"red\"}, {\"petal\": 0, \"colour\": \"blue\"}]}",
                "{\"instances\": [{\"petal\": 0.5, \"colour\": \"red\"}, {\"petal\": 0, \"colour\": \"blue\"}]}",
                "{\"inputs\": [{\"petal\": 0.5, \"colour\": \"red\"}, {\"petal\": 0, \"colour\": \"blue\"}]}",
                "{\"inputs\": {\"petal\": [0.5, 0], \"colour\": [\"red\", \"blue\"]}}");
        for (String body : bodies) {
            assertThat(ok(post("application/json", body))).as(body)
                    .isEqualTo(JSON.readTree("{\"predictions\": [\"big\", \"small\"]}"));
        }
    }

    @Test
    void aCsvBodyIsAHeaderRowThenOneRowPerInstance() throws Exception {
        assertThat(ok(post("text/csv", "colour,petal\nred,0.5\n,0\n")))
                .isEqualTo(JSON.readTree("{\"predictions\": [\"big\", \"small\"]}"));
    }

    @Test
    void aCsvWithTheTargetColumnOfATestFileIsAnsweredIgnoringItAndNamingItInAHeaderAsPredictDoes() throws Exception {
        HttpResponse<String> r = post("text/csv", "colour,petal,size\nred,0.5,big\n,0,small\n");

        assertThat(ok(r)).isEqualTo(JSON.readTree("{\"predictions\": [\"big\", \"small\"]}"));
        assertThat(r.headers().firstValue("X-Ignored-Columns")).contains("size");
        assertThat(ok(post("text/csv", "colour,petal\nred,0.5\n")).toString()).as("nothing ignored")
                .isEqualTo("{\"predictions\":[\"big\"]}");
        assertThat(post("text/csv", "colour,petal\nred,0.5\n").headers().firstValue("X-Ignored-Columns")).isEmpty();
    }

    @Test
    void aMisspeltColumnOfACsvIsStillRefusedWithTheColumnItProbablyMeans() throws Exception {
        assertThat(error(post("text/csv", "colour,petl,size\nred,0.5,big\n"), 400))
                .startsWith("the header lacks the column 'petal' the model needs")
                .endsWith("its column 'petl' is unknown (did you mean 'petal'?)");
        assertThat(error(post("application/json", "{\"dataframe_records\": [{\"petl\": 1, \"colour\": \"red\","
                + " \"size\": \"big\"}]}"), 400)).contains("has unknown feature 'petl' (did you mean 'petal'?)");
    }

    /** A model of windows of 2 steps of [value], from date,value rows, answering a window's last value. */
    private void serveLastValue() {
        serveLastValue(PredictionServer.Options.defaults());
    }

    private void serveLastValue(PredictionServer.Options options) {
        InputSchema series = InputSchema.shape(2, 1).withSeries(new SeriesLayout(List.of("value"), List.of("date")));
        Predictor lastValue = new Predictor() {
            @Override
            public InputSchema schema() {
                return series;
            }

            @Override
            public List<Prediction> predict(float[][] rows) {
                return java.util.Arrays.stream(rows).map(r -> new Prediction((double) r[1], Map.of())).toList();
            }
        };
        server.close();
        server = new PredictionServer(new FixedResolver("sine", lastValue), options).start("127.0.0.1", 0);
    }

    private static final String SERIES_CSV = "date,value\n2020-01-01,1\n2020-01-02,2\n2020-01-03,3\n";

    @Test
    void aSeriesModelTakesTheRowsOfItsTrainingFileAndForecastsFromTheLastWindow() throws Exception {
        serveLastValue();

        assertThat(ok(post("text/csv", SERIES_CSV))).isEqualTo(JSON.readTree("{\"predictions\": [3.0]}"));
    }

    @Test
    void aSeriesModelForecastsFromEveryWindowOfACsvWithTheQueryParameterWindowsAll() throws Exception {
        serveLastValue();

        assertThat(ok(post("/invocations?windows=all", "text/csv", SERIES_CSV)))
                .isEqualTo(JSON.readTree("{\"predictions\": [2.0, 3.0]}"));
        assertThat(ok(post("/invocations?windows=last", "text/csv", SERIES_CSV)))
                .isEqualTo(JSON.readTree("{\"predictions\": [3.0]}"));
    }

    @Test
    void aSeriesModelReadsJsonRowsInItsTrainingLayoutAndTakesWindowsAllFromTheBodysParamsAsMlflowDoes() throws Exception {
        serveLastValue();
        String split = "{\"dataframe_split\": {\"columns\": [\"date\", \"value\"], \"data\": [[\"2020-01-01\", 1],"
                + " [\"2020-01-02\", 2], [\"2020-01-03\", 3]]}";
        String records = "{\"dataframe_records\": [{\"value\": 1}, {\"value\": 2, \"date\": \"x\"}, {\"value\": 3}]";

        assertThat(ok(post("application/json", split + "}"))).isEqualTo(JSON.readTree("{\"predictions\": [3.0]}"));
        assertThat(ok(post("application/json", records + "}"))).isEqualTo(JSON.readTree("{\"predictions\": [3.0]}"));
        assertThat(ok(post("application/json", split + ", \"params\": {\"windows\": \"all\"}}")))
                .isEqualTo(JSON.readTree("{\"predictions\": [2.0, 3.0]}"));
        assertThat(ok(post("application/json", records + ", \"params\": {\"windows\": \"all\"}}")))
                .isEqualTo(JSON.readTree("{\"predictions\": [2.0, 3.0]}"));
        assertThat(error(post("application/json", "{\"dataframe_records\": [{\"value\": 1}, {\"value\": null}]}"), 400))
                .isEqualTo("dataframe_records[1].value is missing; a series needs a number at every step, as in training");
    }

    @Test
    void theInstanceLimitCountsASeriesWindowsNotItsRowsInJsonAsInCsv() throws Exception {
        serveLastValue(new PredictionServer.Options(10_000, 2, Duration.ofHours(1)));
        String rows = "{\"dataframe_split\": {\"columns\": [\"value\"], \"data\": [[1], [2], [3], [4]]}";

        assertThat(ok(post("application/json", rows + "}"))).isEqualTo(JSON.readTree("{\"predictions\": [4.0]}"));
        assertThat(error(post("application/json", rows + ", \"params\": {\"windows\": \"all\"}}"), 400))
                .isEqualTo("at most 2 instances per request, got 3");
    }

    @Test
    void aBadWindowsValueIsA400NamingTheValueAndTheChoices() throws Exception {
        serveLastValue();

        assertThat(error(post("/invocations?windows=every", "text/csv", SERIES_CSV), 400))
                .isEqualTo("?windows= must be 'last' or 'all', got 'every'");
        assertThat(error(post("application/json", "{\"dataframe_records\": [{\"value\": 1}, {\"value\": 2}],"
                + " \"params\": {\"windows\": 3}}"), 400)).isEqualTo("params.windows must be 'last' or 'all', got '3'");
        assertThat(error(post("application/json", "{\"dataframe_records\": [{\"value\": 1}, {\"value\": 2}],"
                + " \"params\": {\"window\": \"all\"}}"), 400))
                .isEqualTo("params.window is not a parameter (did you mean 'windows'?)");
    }

    @Test
    void windowsForAModelThatIsNotASeriesIsA400NamingItsKind() throws Exception {
        assertThat(error(post("/invocations?windows=all", "text/csv", "colour,petal\nred,0.5\n"), 400))
                .isEqualTo("?windows=all applies to series models; fashion v1 is a model of named columns: leave out"
                        + " ?windows=all");
        assertThat(error(post("application/json", "{\"dataframe_records\": [{\"petal\": 0.5, \"colour\": \"red\"}],"
                + " \"params\": {\"windows\": \"last\"}}"), 400))
                .isEqualTo("params.windows applies to series models; fashion v1 is a model of named columns: leave out"
                        + " params.windows");
    }

    @Test
    void badInputIsA400NamingTheField() throws Exception {
        assertThat(error(post("application/json", "{\"dataframe_split\": {\"columns\": [\"petal\", \"colour\"],"
                + " \"data\": [[0.5, \"purple\"]]}}"), 400))
                .startsWith("dataframe_split.data[0].colour must be one of [blue, red]");
        assertThat(error(post("application/json", "{\"dataframe_split\": {\"columns\": [\"petal\"], \"data\": [[1, 2]]}}"),
                400)).contains("dataframe_split.data[0] must be an array of 1 values");
        assertThat(error(post("application/json", "{\"dataframe_records\": [{\"petl\": 1, \"colour\": \"red\"}]}"), 400))
                .contains("dataframe_records[0] has unknown feature 'petl' (did you mean 'petal'?)");
        assertThat(error(post("application/json", "{\"inputs\": {\"petal\": [1, 2], \"colour\": [\"red\"]}}"), 400))
                .contains("inputs.colour has 1 values, but inputs.petal has 2");
        assertThat(error(post("application/json", "{\"instances\": [], \"inputs\": []}"), 400))
                .contains("exactly one of the fields [dataframe_split, dataframe_records, instances, inputs]");
        assertThat(error(post("application/json", "{\"dataframe_records\": [{}, {}, {}, {}]}"), 400))
                .contains("at most 3 instances per request, got 4");
        assertThat(error(post("application/json", "{\"inputs\": {\"petal\": [1, 2, 3, 4], \"colour\": [1, 2, 3, 4]}}"),
                400)).contains("at most 3 instances per request, got 4");
        assertThat(error(post("text/csv", "petal,colour\nabc,red\n"), 400))
                .isEqualTo("line 2, column 'petal' must be a number or missing (empty), got 'abc'");
        assertThat(error(post("text/csv", "petal,colour\n1,red,3\n"), 400)).contains("line 2 has 3 cells; the header has 2");
        assertThat(error(post("text/plain", "petal\n1\n"), 415)).contains("send application/json or text/csv");
    }

    private static String error(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body()).get("error").asText();
    }

    @Test
    void metadataDescribesTheServedVersionItsInputsAndOutputs() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/metadata")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = ok(r);
        assertThat(body.get("model").asText()).isEqualTo("fashion");
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("task").asText()).isEqualTo("unknown");
        assertThat(body.at("/inputs/columns")).isEqualTo(JSON.readTree("[{\"name\": \"petal\", \"type\": \"double\","
                + " \"required\": true}, {\"name\": \"colour\", \"type\": \"string\", \"levels\": [\"blue\", \"red\"],"
                + " \"required\": true}]"));
    }
}
