package io.tunelab.dashboard.api;

import static io.tunelab.dashboard.api.ApiFixture.json;
import static io.tunelab.dashboard.api.ApiFixture.studyId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunelab.dashboard.SampleStudies;
import io.tunelab.dashboard.TestTrackers;
import io.tunelab.dashboard.data.TrackerDashboardData;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed JSON, wrong types, oversized bodies, unknown ids and SQL metacharacters get 4xx JSON errors
 * (or are taken literally) from the API over a real H2 tracker, and leave the database as it was.
 */
class BadInputApiTest {
    /** A study name that would end a quoted SQL string and drop a table if it were pasted into SQL. */
    private static final String SQL_STUDY = "q'); DROP TABLE trials; --";

    @TempDir
    static Path dir;
    static Tracker tracker;
    static TrackerDashboardData data;
    static long completeTrial;

    @BeforeAll
    static void fill() {
        tracker = Tracker.open(TrackerConfig.inDirectory(dir.resolve("db")));
        SampleStudies.fill(tracker.storage(), dir.resolve("files"));
        Study hostile = Study.builder(SQL_STUDY).storage(tracker.storage()).seed(1).create();
        hostile.optimize(t -> {
            double x = t.suggestFloat("x' OR '1'='1", 0, 1);
            t.log("loss\"; DELETE FROM metric_points; --", 0, x);
            return x;
        }, io.tunelab.search.study.OptimizeOptions.trials(3).withParallelism(1));
        long study = tracker.storage().findStudy(SampleStudies.QUADRATIC).orElseThrow().id();
        completeTrial = tracker.storage().trials(study, EnumSet.of(TrialState.COMPLETE)).get(0).id();
        data = new TrackerDashboardData(TestTrackers.ports(tracker));
    }

    @AfterAll
    static void close() {
        tracker.close();
    }

    private static Request.Builder postJson(String body) {
        return new Request.Builder().post(RequestBody.create(body, MediaType.get("application/json")));
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Checks the common error body: status, kind and a message. */
    private static JsonNode error(JsonNode body, int status) {
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("error").asText()).isNotBlank();
        assertThat(body.get("message").asText()).isNotBlank();
        return body;
    }

    @Test
    void malformedJsonAndNonObjectBodiesAnswer400() {
        ApiFixture.withServer(data, client -> {
            String path = "/api/models/quadratic-best/promote";
            for (String body : List.of("{\"alias\": ", "not json", "[1, 2]", "\"text\"", "{\"alias\": \"x\"}}}",
                    "[".repeat(5_000) + "]".repeat(5_000))) {
                JsonNode e = error(json(client.request(path, postJson(body)), 400), 400);
                assertThat(e.get("message").asText()).as(body.length() > 40 ? "deep nesting" : body)
                        .contains("JSON object body");
            }
        });
    }

    @Test
    void fieldsOfTheWrongTypeAnswer400NamingTheField() {
        ApiFixture.withServer(data, client -> {
            String path = "/api/models/quadratic-best/promote";
            Map<String, String> cases = new LinkedHashMap<>();
            cases.put("{\"alias\": \"production\", \"version\": \"two\"}", "version must be a whole number");
            cases.put("{\"alias\": \"production\", \"version\": true}", "version must be a whole number");
            cases.put("{\"alias\": \"production\", \"version\": 1.5}", "version must be a whole number");
            cases.put("{\"alias\": \"production\", \"version\": 0}", "version must be a version number");
            cases.put("{\"alias\": \"production\", \"version\": 99999999999}", "version must be a version number");
            cases.put("{\"alias\": \"production\", \"trialId\": [1]}", "trialId must be a whole number");
            cases.put("{\"alias\": \"production\", \"trialId\": 1e400}", "trialId must be a whole number");
            cases.put("{\"alias\": \"production\", \"study\": 1, \"trialNumber\": \"7\"}", "trialNumber must be a whole number, got \"7\"");
            cases.put("{\"alias\": \"production\", \"study\": 1, \"trialNumber\": -1}",
                    "trialNumber must be a trial number (0 or more), got -1");
            cases.put("{\"alias\": \"production\", \"trialNumber\": 3}", "trialNumber 3 needs its study");
            cases.put("{\"alias\": \"production\", \"study\": \"quadratic\", \"trialNumber\": 3}", "study must be a whole number");
            cases.put("{\"alias\": \"production\", \"study\": 1, \"trialNumber\": 3, \"trialId\": " + completeTrial + "}",
                    "either a trialNumber or a trialId");
            cases.put("{\"alias\": 5, \"trialId\": " + completeTrial + "}", "alias must be a string");
            cases.put("{\"alias\": {\"name\": \"p\"}, \"trialId\": " + completeTrial + "}", "alias must be a string");
            cases.put("{\"alias\": \"production\", \"reason\": false, \"trialId\": " + completeTrial + "}",
                    "reason must be a string");
            for (Map.Entry<String, String> c : cases.entrySet()) {
                JsonNode e = error(json(client.request(path, postJson(c.getKey())), 400), 400);
                assertThat(e.get("message").asText()).as(c.getKey()).contains(c.getValue());
            }
            assertThat(json(client.get("/api/models"), 200).get("models")).as("nothing was registered").isEmpty();
        });
    }

    @Test
    void anOversizedBodyAnswers413AsJsonWhetherOrNotItsLengthIsDeclared() {
        ApiFixture.withServer(data, client -> {
            String huge = "{\"alias\": \"production\", \"reason\": \"" + "x".repeat(2_000_000) + "\"}";
            error(json(client.request("/api/models/quadratic-best/promote", postJson(huge)), 413), 413);
            RequestBody chunked = new RequestBody() {
                @Override
                public MediaType contentType() {
                    return MediaType.get("application/json");
                }

                @Override
                public long contentLength() {
                    return -1;
                }

                @Override
                public void writeTo(BufferedSink sink) throws java.io.IOException {
                    sink.writeUtf8("{\"alias\": \"production\", \"reason\": \"");
                    for (int i = 0; i < 200; i++) {
                        sink.writeUtf8("y".repeat(1_000));
                    }
                    sink.writeUtf8("\"}");
                }
            };
            JsonNode e = error(json(client.request("/api/models/quadratic-best/promote",
                    new Request.Builder().post(chunked)), 413), 413);
            assertThat(e.get("message").asText()).contains("larger than " + ModelRoutes.MAX_BODY_BYTES);
        });
    }

    @Test
    void unknownIdsAnswer404AndIdsThatAreNotNumbersAnswer400() {
        ApiFixture.withServer(data, client -> {
            for (String path : List.of("/api/trials/987654", "/api/studies/987654/table", "/api/studies/987654/trials",
                    "/api/studies/987654/curves", "/api/studies/987654/space", "/api/trials/987654/series?name=loss",
                    "/api/models/no-such-model", "/api/no/such/endpoint")) {
                error(json(client.get(path), 404), 404);
            }
            for (String path : List.of("/api/trials/abc", "/api/studies/1%27%20OR%201=1/table",
                    "/api/studies/99999999999999999999999", "/api/trials/" + completeTrial + "/series",
                    "/api/studies/" + studyId(client, SampleStudies.QUADRATIC) + "/trials?limit=-5")) {
                error(json(client.get(path), 400), 400);
            }
        });
    }

    @Test
    void sqlMetacharactersInNamesFiltersAndSeriesAreTakenLiterally() {
        ApiFixture.withServer(data, client -> {
            JsonNode found = json(client.get("/api/studies?q=" + q("q'); DROP")), 200);
            assertThat(found.get("studies")).extracting(s -> s.get("name").asText()).containsExactly(SQL_STUDY);
            assertThat(json(client.get("/api/studies?q=" + q("' OR '1'='1")), 200).get("studies")).isEmpty();

            long hostile = studyId(client, SQL_STUDY);
            JsonNode space = json(client.get("/api/studies/" + hostile + "/space"), 200);
            assertThat(space.has("x' OR '1'='1")).isTrue();
            JsonNode names = json(client.get("/api/studies/" + hostile + "/metric-names"), 200);
            assertThat(names).extracting(JsonNode::asText).containsExactly("loss\"; DELETE FROM metric_points; --");

            long quadratic = studyId(client, SampleStudies.QUADRATIC);
            String filter = "optimizer = \"adam'; DROP TABLE trials; --\" OR state = COMPLETE";
            JsonNode table = json(client.get("/api/studies/" + quadratic + "/table?limit=1000&filter=" + q(filter)), 200);
            assertThat(table.get("total").asInt()).isEqualTo(32);
            error(json(client.get("/api/studies/" + quadratic + "/table?filter=" + q("x = 1; DROP TABLE trials")), 400), 400);
            error(json(client.get("/api/trials/" + completeTrial + "/series?name=" + q("loss' OR '1'='1")), 404), 404);

            JsonNode promoted = json(client.request("/api/models/" + q("m' OR '1'='1") + "/promote", postJson(
                    "{\"alias\": \"production\", \"trialId\": " + completeTrial + ", \"reason\": \"'); DROP TABLE x; --\"}")),
                    200);
            assertThat(promoted.get("version").get("version").asInt()).isEqualTo(1);
            JsonNode model = json(client.get("/api/models/" + q("m' OR '1'='1")), 200);
            assertThat(model.get("audit").get(0).get("reason").asText()).isEqualTo("'); DROP TABLE x; --");
        });
        long quadratic = tracker.storage().findStudy(SampleStudies.QUADRATIC).orElseThrow().id();
        List<FrozenTrial> all = tracker.storage().trials(quadratic, EnumSet.allOf(TrialState.class));
        assertThat(all).as("the trials table is intact").hasSize(SampleStudies.QUADRATIC_TRIALS);
        assertThat(tracker.storage().metrics(completeTrial, "loss")).as("metric points intact").hasSize(SampleStudies.STEPS);
    }
}
