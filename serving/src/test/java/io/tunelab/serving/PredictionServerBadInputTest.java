package io.tunelab.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunelab.trainers.predict.InputSchema;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@code POST /predict} answers to bodies a fuzzer would send: every one gets a 4xx with a JSON
 * error saying what is wrong, and the server keeps serving.
 */
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class PredictionServerBadInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private PredictionServer server;

    @BeforeEach
    void start() {
        server = new PredictionServer(new PredictionServerTest.AliasResolver(InputSchema.shape(2, 2)),
                new PredictionServer.Options(10_000, 16, Duration.ofHours(1))).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder predict() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/predict"))
                .header("Content-Type", "application/json");
    }

    private static JsonNode error(HttpResponse<String> r, int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        return body;
    }

    @Test
    void malformedAndWronglyTypedBodiesAnswer400SayingWhatIsWrong() throws Exception {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("", "{\"instances\"");
        cases.put("null", "{\"instances\"");
        cases.put("[[1, 2, 3, 4]]]]", "not valid JSON");
        cases.put("{\"instances\": [[1, 2, 3, 4]]} {\"more\": 1}", "not valid JSON");
        cases.put("[[NaN, 1, 2, 3]]", "not valid JSON");
        cases.put("[[1e400, 1, 2, 3]]", "instances[0][0] must be a number within +-3.4e38");
        cases.put("[[1e300, 1, 2, 3]]", "(the model computes in 32-bit floats), got 1.0E300");
        cases.put("{\"instances\": [[1, 2,]]}", "not valid JSON at line 1, column ");
        cases.put("[[1, 2, 3, true]]", "instances[0][3] must be a number");
        cases.put("[[1, 2, 3, null]]", "instances[0][3] must be a number");
        cases.put("[[1, 2, 3, \"4\"]]", "instances[0][3] must be a number");
        cases.put("[\"1,2,3,4\"]", "instances[0] must be an array");
        cases.put("{\"instances\": {\"a\": 1}}", "{\"instances\"");
        cases.put("[" .repeat(3_000) + "]".repeat(3_000), "not valid JSON");
        cases.put("\"" + "x".repeat(9_000) + "\"", "{\"instances\"");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            HttpResponse<String> r = send(predict().POST(HttpRequest.BodyPublishers.ofString(c.getKey())));
            String what = c.getKey().length() > 40 ? c.getKey().substring(0, 40) + "..." : c.getKey();
            assertThat(error(r, 400).get("error").asText()).as(what).contains(c.getValue()).doesNotContain("[Source");
        }
        HttpResponse<String> fine = send(predict().POST(HttpRequest.BodyPublishers.ofString("[[1, 1, 0, 0]]")));
        assertThat(fine.statusCode()).as("still serving").isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIsRefusedEvenWithoutAContentLength() throws Exception {
        byte[] big = ("[[" + "1,".repeat(20_000) + "1]]").getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher chunked = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big));
        JsonNode e = error(send(predict().POST(chunked)), 413);
        assertThat(e.get("error").asText()).contains("larger than 10000 bytes");
    }

    @Test
    void otherMethodsOnPredictAnswer405NamingPostAndOtherPaths404() throws Exception {
        HttpResponse<String> get = send(predict().GET());
        assertThat(error(get, 405).get("error").asText()).contains("send the instances with POST /predict");
        assertThat(get.headers().firstValue("Allow")).contains("POST");
        HttpResponse<String> put = send(predict().PUT(HttpRequest.BodyPublishers.ofString("[[1, 1, 0, 0]]")));
        assertThat(error(put, 405).has("error")).isTrue();
        HttpResponse<String> other = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/nope")));
        assertThat(error(other, 404).get("error").asText()).contains("GET /nope");
    }
}
