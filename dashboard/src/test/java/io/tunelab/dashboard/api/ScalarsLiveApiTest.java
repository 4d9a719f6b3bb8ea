package io.tunelab.dashboard.api;

import static io.tunelab.dashboard.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunelab.dashboard.SampleStudies;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.trial.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scalars view's live updates: new runs by cursor, and only the points after the last step it holds. */
class ScalarsLiveApiTest {

    @Test
    void aPollSinceTheCursorBringsNewMatchingRunsAndOnlyTheNewPointsOfGrownSeries() {
        InMemoryStorage storage = new InMemoryStorage();
        long study = storage.createStudy("scal", List.of(Direction.MINIMIZE)).id();
        long other = storage.createStudy("other", List.of(Direction.MINIMIZE)).id();
        long first = storage.createRunningTrial(study).id();
        SampleStudies.logLoss(storage, first, 0, 9, 1.0);
        ApiFixture.withServer(storage, client -> {
            JsonNode runs = json(client.get("/api/runs?regex=scal"), 200);
            assertThat(runs.get("runs")).extracting(r -> r.get("id").asLong()).containsExactly(first);
            long cursor = runs.get("cursor").asLong();

            SampleStudies.logLoss(storage, first, 10, 14, 1.0);
            long second = storage.createRunningTrial(study).id();
            SampleStudies.logLoss(storage, second, 0, 2, 1.0);
            SampleStudies.logLoss(storage, storage.createRunningTrial(other).id(), 0, 2, 1.0);
            JsonNode changed = json(client.get("/api/runs?regex=scal&since=" + cursor), 200);
            assertThat(changed.get("reset").asBoolean()).isFalse();
            assertThat(changed.get("runs")).extracting(r -> r.get("label").asText()).containsExactly("scal #1");
            assertThat(changed.get("grown")).extracting(g -> g.get("trialId").asLong(), g -> g.get("lastStep").asLong())
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(first, 14L),
                            org.assertj.core.groups.Tuple.tuple(second, 2L));
            assertThat(changed.get("cursor").asLong()).isGreaterThan(cursor);

            JsonNode fresh = json(client.get("/api/series?maxPoints=1000&name=loss&since=" + first + ":9"), 200);
            JsonNode appended = fresh.get("series").get(0);
            assertThat(appended.get("after").asLong()).isEqualTo(9);
            assertThat(appended.get("steps")).extracting(JsonNode::asLong).containsExactly(10L, 11L, 12L, 13L, 14L);

            JsonNode mixed = json(client.get("/api/series?name=loss&trials=" + first + "," + second + "&since=" + first + ":13"), 200);
            assertThat(mixed.get("series").get(0).get("steps")).extracting(JsonNode::asLong).containsExactly(14L);
            assertThat(mixed.get("series").get(1).get("steps")).extracting(JsonNode::asLong).containsExactly(0L, 1L, 2L);
            assertThat(mixed.get("series").get(1).has("after")).isFalse();

            assertThat(json(client.get("/api/runs?regex=nothing-matches&since=" + cursor), 200).get("grown")).isEmpty();
            assertThat(json(client.get("/api/runs?regex=scal&since=999999"), 200).get("reset").asBoolean()).isTrue();
            assertThat(json(client.get("/api/series?name=loss&since=" + first + "-9"), 400).get("message").asText())
                    .contains("id:number pairs");
        });
    }

    @Test
    void oneRequestGivesEveryNamedTagOfEveryRunThatLoggedIt() {
        InMemoryStorage storage = new InMemoryStorage();
        long study = storage.createStudy("tags", List.of(Direction.MINIMIZE)).id();
        long both = storage.createRunningTrial(study).id();
        long lossOnly = storage.createRunningTrial(study).id();
        SampleStudies.logLoss(storage, both, 0, 4, 1.0);
        storage.logMetrics(both, List.of(new io.tunelab.search.trial.MetricPoint("accuracy", 0, 0.5, java.time.Instant.EPOCH)));
        SampleStudies.logLoss(storage, lossOnly, 0, 2, 1.0);
        ApiFixture.withServer(storage, client -> {
            JsonNode answer = json(client.get("/api/series?name=loss&name=accuracy&trials=" + both + "," + lossOnly), 200);
            assertThat(answer.get("names")).extracting(JsonNode::asText).containsExactly("loss", "accuracy");
            assertThat(answer.get("series")).extracting(s -> s.get("name").asText() + "@" + s.get("trialId").asLong()
                    + ":" + s.get("steps").size())
                    .containsExactly("loss@" + both + ":5", "loss@" + lossOnly + ":3", "accuracy@" + both + ":1");
            assertThat(json(client.get("/api/series?trials=" + both), 400).get("message").asText()).contains("'name'");
        });
    }
}
