package io.tunelab.dashboard.api;

import static io.tunelab.dashboard.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.TrialState;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The study page's first screen comes from the server: the history's points as columns and a bounded sample of lines. */
class StudyChartsApiTest {
    private static final FloatDistribution X = FloatDistribution.uniform(-10, 30);
    private static final CategoricalDistribution OPT = CategoricalDistribution.of("sgd", "adam");

    /** 0..19: COMPLETE with value 19 - n and x = n, except 3 (FAIL), 5 (NaN) and 7 (infeasible); 20 is RUNNING. */
    private static InMemoryStorage study() {
        InMemoryStorage storage = new InMemoryStorage();
        long s = storage.createStudy("charts", List.of(Direction.MINIMIZE)).id();
        for (int n = 0; n <= 20; n++) {
            long id = storage.createRunningTrial(s).id();
            storage.setParam(id, "x", (double) n, X);
            storage.setParam(id, "opt", OPT.choices().get(n % 2), OPT);
            if (n == 7) {
                storage.setUserAttr(id, Constraints.USER_ATTR, List.of(1.0));
            }
            if (n < 20) {
                storage.finishTrial(id, n == 3 ? TrialState.FAIL : TrialState.COMPLETE,
                        n == 3 ? List.of() : List.of(n == 5 ? Double.NaN : 19.0 - n), null);
            }
        }
        return storage;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asInt()));
        return out;
    }

    @Test
    void historyHoldsEveryCompleteTrialWithAFiniteValueAndNamesTheInfeasibleOnes() {
        InMemoryStorage storage = study();
        long s = storage.findStudy("charts").orElseThrow().id();
        ApiFixture.withServer(storage, client -> {
            JsonNode h = json(client.get("/api/studies/" + s + "/history?objective=0"), 200);
            assertThat(h.get("cursor").isNumber()).isTrue();
            assertThat(h.get("direction").asText()).isEqualTo("MINIMIZE");
            List<Integer> numbers = ints(h.get("number"));
            assertThat(numbers).hasSize(h.get("count").asInt()).hasSize(18).doesNotContain(3, 5, 20);
            for (int i = 0; i < numbers.size(); i++) {
                assertThat(h.get("value").get(i).asDouble()).isEqualTo(19.0 - numbers.get(i));
            }
            assertThat(ints(h.get("infeasible"))).containsExactly(numbers.indexOf(7));
            assertThat(h.get("line")).as("the best-so-far line, as /best-so-far draws it")
                    .isEqualTo(json(client.get("/api/studies/" + s + "/best-so-far?objective=0"), 200).get("line"));
            assertThat(h.get("line").size()).isGreaterThan(1);
        });
    }

    @Test
    void historyValuesTravelAsFloatsWhenEachFitsOne() {
        assertThat(StudyChartRoutes.asFloats(new double[] {0.1234567891234, 0, -3e30})).isEqualTo(new float[] {0.12345679f, 0, -3e30f});
        double[] tiny = {1.0, 1e-300};
        assertThat(StudyChartRoutes.asFloats(tiny)).as("a value a float would round to zero").isSameAs(tiny);
        double[] huge = {1.0, -1e39};
        assertThat(StudyChartRoutes.asFloats(huge)).as("a value beyond a float's range").isSameAs(huge);
        InMemoryStorage storage = study();
        long s = storage.findStudy("charts").orElseThrow().id();
        ApiFixture.withServer(storage, client -> {
            String body = ApiFixture.text(client.get("/api/studies/" + s + "/history"));
            assertThat(body).contains("\"value\":[19.0,18.0,17.0,15.0");
        });
    }

    @Test
    void theBinaryHistoryHoldsTheJsonHistorysFieldsAndItsColumnsAsTypedArrays() throws Exception {
        InMemoryStorage storage = study();
        long s = storage.findStudy("charts").orElseThrow().id();
        ApiFixture.withServer(storage, client -> {
            JsonNode h = json(client.get("/api/studies/" + s + "/history?objective=0"), 200);
            okhttp3.Response response = client.get("/api/studies/" + s + "/history.bin?objective=0");
            assertThat(response.code()).isEqualTo(200);
            ByteBuffer in = ByteBuffer.wrap(response.body().bytes()).order(ByteOrder.LITTLE_ENDIAN);
            byte[] text = new byte[in.getInt()];
            in.get(text);
            JsonNode head = new ObjectMapper().readTree(text);
            assertThat(Long.parseLong(response.header("Tunelab-Cursor"))).as("the cursor, in a header")
                    .isEqualTo(h.get("cursor").asLong());
            for (String field : List.of("objective", "direction", "count", "infeasible", "line")) {
                assertThat(head.get(field)).as(field).isEqualTo(h.get(field));
            }
            assertThat(head.get("valueBytes").asInt()).as("every value fits a float").isEqualTo(4);
            int count = head.get("count").asInt();
            in.position((4 + text.length + 7) / 8 * 8);
            for (int i = 0; i < count; i++) {
                assertThat(in.getInt()).as("number %d", i).isEqualTo(h.get("number").get(i).asInt());
            }
            in.position((4 + text.length + 7) / 8 * 8 + (4 * count + 7) / 8 * 8);
            for (int i = 0; i < count; i++) {
                assertThat(in.getFloat()).as("value %d", i).isEqualTo(h.get("value").get(i).floatValue());
            }
            assertThat(in.remaining()).isZero();
            try (okhttp3.Response plain = client.get("/api/studies/" + s + "/history.bin?objective=0",
                    r -> r.header("Accept-Encoding", "identity"))) {
                assertThat(plain.header("Content-Encoding")).as("gzipped only when asked").isNull();
                assertThat(plain.body().bytes()).isEqualTo(in.array());
            }
            assertThat(json(client.get("/api/studies/" + s + "/history.bin?objective=1"), 400).toString()).contains("objective");
        });
    }

    @Test
    void theBinaryHistoryCarriesValuesAFloatCannotHoldAsDoubles() throws Exception {
        InMemoryStorage storage = new InMemoryStorage();
        long s = storage.createStudy("tiny", List.of(Direction.MINIMIZE)).id();
        for (double v : new double[] {1.0, 1e-300, 2.5}) {
            storage.finishTrial(storage.createRunningTrial(s).id(), TrialState.COMPLETE, List.of(v), null);
        }
        ApiFixture.withServer(storage, client -> {
            ByteBuffer in = ByteBuffer.wrap(client.get("/api/studies/" + s + "/history.bin").body().bytes()).order(ByteOrder.LITTLE_ENDIAN);
            byte[] text = new byte[in.getInt()];
            in.get(text);
            assertThat(new ObjectMapper().readTree(text).get("valueBytes").asInt()).isEqualTo(8);
            in.position((4 + text.length + 7) / 8 * 8 + 16);
            assertThat(List.of(in.getDouble(), in.getDouble(), in.getDouble())).containsExactly(1.0, 1e-300, 2.5);
        });
    }

    @Test
    void historyFollowsTheStudyAsItChanges() {
        InMemoryStorage storage = study();
        long s = storage.findStudy("charts").orElseThrow().id();
        ApiFixture.withServer(storage, client -> {
            assertThat(json(client.get("/api/studies/" + s + "/history"), 200).get("count").asInt()).isEqualTo(18);
            long running = storage.trialByNumber(s, 20).id();
            storage.finishTrial(running, TrialState.COMPLETE, List.of(-1.0), null);
            JsonNode h = json(client.get("/api/studies/" + s + "/history"), 200);
            assertThat(h.get("count").asInt()).isEqualTo(19);
            assertThat(ints(h.get("number"))).endsWith(20);
        });
    }

    @Test
    void theSampleDrawsAtMostTheLinesAskedForWithRangesOverEveryCountedTrial() {
        InMemoryStorage storage = study();
        long s = storage.findStudy("charts").orElseThrow().id();
        ApiFixture.withServer(storage, client -> {
            JsonNode all = json(client.get("/api/studies/" + s + "/sample?objective=0"), 200);
            assertThat(all.get("counted").asInt()).isEqualTo(18);
            assertThat(all.get("trials").get("count").asInt()).isEqualTo(18);
            JsonNode few = json(client.get("/api/studies/" + s + "/sample?objective=0&lines=10"), 200);
            assertThat(few.get("lines").asInt()).isEqualTo(10);
            assertThat(few.get("counted").asInt()).isEqualTo(18);
            JsonNode trials = few.get("trials");
            assertThat(trials.get("count").asInt()).isEqualTo(10);
            assertThat(ints(trials.get("number"))).as("the best (the highest numbers) is drawn").contains(19).isSorted();
            assertThat(trials.get("params").get("opt").has("codes")).as("as the columns of the page's trials").isTrue();
            assertThat(few.get("ranges").get("x").get(0).asDouble()).isEqualTo(0.0);
            assertThat(few.get("ranges").get("x").get(1).asDouble()).isEqualTo(19.0);
            assertThat(few.get("ranges").get("value").get(0).asDouble()).isEqualTo(0.0);
            assertThat(few.get("ranges").get("value").get(1).asDouble()).isEqualTo(19.0);
        });
    }

    private static String brushed(String brushJson) {
        return "&brush=" + URLEncoder.encode(brushJson, StandardCharsets.UTF_8);
    }

    @Test
    void aBrushIsCountedOverEveryTrialAsTheTableFiltersItAndItsTrialsAreDrawn() {
        InMemoryStorage storage = study();
        long s = storage.findStudy("charts").orElseThrow().id();
        String brush = brushed("{\"value\": [[0, 16]], \"params\": {\"x\": [[12, 2]], \"opt\": [\"adam\"]}}");
        ApiFixture.withServer(storage, client -> {
            // x in [2, 12], opt = adam (odd numbers), value 19 - n in [0, 16]: 3 failed, 5 has no finite value
            JsonNode few = json(client.get("/api/studies/" + s + "/sample?objective=0&lines=10" + brush), 200);
            JsonNode selection = few.get("brush");
            assertThat(ints(selection.get("numbers"))).containsExactly(7, 9, 11);
            assertThat(selection.get("count").asInt()).isEqualTo(3);
            assertThat(selection.get("drawn").asInt()).isEqualTo(3);
            assertThat(ints(few.get("trials").get("number"))).hasSize(10).contains(7, 9, 11);
            String filter = URLEncoder.encode(selection.get("filter").asText(), StandardCharsets.UTF_8);
            assertThat(json(client.get("/api/studies/" + s + "/table?filter=" + filter), 200).get("total").asInt())
                    .as("the trials table, filtered as the brush says, shows the same trials").isEqualTo(3);
            JsonNode two = json(client.get("/api/studies/" + s + "/sample?objective=0&lines=4" + brush), 200);
            assertThat(two.get("brush").get("drawn").asInt()).as("half of four lines").isEqualTo(2);
            assertThat(ints(two.get("trials").get("number"))).hasSize(4);
            assertThat(json(client.get("/api/studies/" + s + "/sample?objective=0&lines=10"), 200).has("brush")).isFalse();
        });
    }

    @Test
    void aBadBrushIsRefusedByName() {
        InMemoryStorage storage = study();
        long s = storage.findStudy("charts").orElseThrow().id();
        ApiFixture.withServer(storage, client -> {
            for (String bad : List.of("{", "[1]", "{\"value\": [[1]]}", "{\"params\": {\"x\": 3}}", "{\"params\": {\"nope\": [[1, 2]]}}")) {
                JsonNode error = json(client.get("/api/studies/" + s + "/sample?objective=0" + brushed(bad)), 400);
                assertThat(error.get("message").asText()).as(bad).containsAnyOf("brush", "nope");
            }
        });
    }

    @Test
    void badObjectivesAndLineCountsAreRefusedByName() {
        InMemoryStorage storage = study();
        long s = storage.findStudy("charts").orElseThrow().id();
        ApiFixture.withServer(storage, client -> {
            assertThat(json(client.get("/api/studies/" + s + "/history?objective=1"), 400).toString()).contains("objective");
            assertThat(json(client.get("/api/studies/" + s + "/sample?lines=0"), 400).toString()).contains("lines");
            json(client.get("/api/studies/999/sample"), 404);
        });
    }
}
