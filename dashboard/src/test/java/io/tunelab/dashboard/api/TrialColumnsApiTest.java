package io.tunelab.dashboard.api;

import static io.tunelab.dashboard.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.TrialState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The study page's columnar payload holds what the rows hold, one array per field, text as dictionary codes. */
class TrialColumnsApiTest {

    private static InMemoryStorage study() {
        InMemoryStorage storage = new InMemoryStorage();
        long s = storage.createStudy("cols", List.of(Direction.MINIMIZE, Direction.MAXIMIZE)).id();
        CategoricalDistribution opt = CategoricalDistribution.of("sgd", "adam", true);
        for (int n = 0; n < 7; n++) {
            long id = storage.createRunningTrial(s).id();
            storage.setSystemAttr(id, "slot", "cpu:" + (n % 2));
            (n < 2 ? Sampler.startupAttrs("tpe") : Map.of(Sampler.SAMPLER_ATTR, "tpe"))
                    .forEach((key, value) -> storage.setSystemAttr(id, key, value));
            storage.setParam(id, "lr", 0.001 * (n + 1), FloatDistribution.logUniform(1e-4, 1));
            if (n != 2) {
                storage.setParam(id, "opt", opt.choices().get(n % 3), opt);
            }
            if (n == 4) {
                storage.setUserAttr(id, Constraints.USER_ATTR, List.of(1.0));
            }
            if (n < 6) {
                storage.finishTrial(id, n == 1 ? TrialState.FAIL : TrialState.COMPLETE,
                        n == 1 ? List.of() : List.of(n == 3 ? Double.NaN : (double) n, (double) -n), null);
            }
        }
        return storage;
    }

    @Test
    void columnsDecodeToTheSameTrialsAsRows() {
        InMemoryStorage storage = study();
        long s = storage.findStudy("cols").orElseThrow().id();
        ApiFixture.withServer(storage, client -> {
            JsonNode rows = json(client.get("/api/studies/" + s + "/trials?after=0&limit=5"), 200);
            JsonNode page = json(client.get("/api/studies/" + s + "/columns?after=0&limit=5"), 200);
            assertThat(page.get("hasMore").asBoolean()).isEqualTo(rows.get("hasMore").asBoolean()).isTrue();
            JsonNode c = page.get("trials");
            assertThat(c.get("count").asInt()).isEqualTo(5);
            for (int i = 0; i < 5; i++) {
                JsonNode row = rows.get("trials").get(i);
                assertThat(c.get("number").get(i)).isEqualTo(row.get("number"));
                assertThat(c.get("id").get(i)).isEqualTo(row.get("id"));
                assertThat(c.get("states").get(c.get("state").get(i).asInt())).isEqualTo(row.get("state"));
                assertThat(c.get("slots").get(c.get("slot").get(i).asInt())).isEqualTo(row.get("slot"));
                assertThat(c.get("feasible").get(i)).isEqualTo(row.get("feasible"));
                assertThat(c.get("samplers").get(c.get("sampler").get(i).asInt())).isEqualTo(row.get("sampler"));
                assertThat(c.get("end").get(i)).isEqualTo(row.get("end"));
                for (int k = 0; k < 2; k++) {
                    JsonNode v = c.get("values").get(k).get(i);
                    assertThat(v.isNull() ? null : v).isEqualTo(row.get("values").get(k));
                }
                assertThat(c.get("params").get("lr").get("values").get(i)).isEqualTo(row.get("params").get("lr"));
                JsonNode opt = c.get("params").get("opt");
                int code = opt.get("codes").get(i).asInt();
                assertThat(code < 0 ? null : opt.get("choices").get(code)).isEqualTo(row.get("params").get("opt"));
            }
            assertThat(rows.get("trials").get(0).get("sampler").asText()).as("a start-up trial's sampler")
                    .isEqualTo("random (tpe start-up)");
            assertThat(rows.get("trials").get(2).get("sampler").asText()).isEqualTo("tpe");
            assertThat(c.get("params").get("opt").get("codes").get(1).asInt()).as("trial 2 has no opt").isEqualTo(-1);
            assertThat(c.get("values").get(0).get(2).asText()).as("trial 3's NaN").isEqualTo("NaN");
            assertThat(c.get("values").get(0).get(0).isNull()).as("the FAIL trial has no value").isTrue();
        });
    }

    @Test
    void theLastPageSaysThereIsNoMore() {
        InMemoryStorage storage = study();
        long s = storage.findStudy("cols").orElseThrow().id();
        ApiFixture.withServer(storage, client -> {
            JsonNode page = json(client.get("/api/studies/" + s + "/columns?after=4&limit=100"), 200);
            assertThat(page.get("hasMore").asBoolean()).isFalse();
            assertThat(page.get("trials").get("number")).extracting(JsonNode::asInt).containsExactly(5, 6);
            assertThat(page.get("trials").get("states")).extracting(JsonNode::asText).containsExactly("COMPLETE", "RUNNING");
            json(client.get("/api/studies/" + s + "/columns?limit=0"), 400);
        });
    }
}
