package io.tunelab.dashboard.api;

import static io.tunelab.dashboard.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunelab.dashboard.SampleStudies;
import io.tunelab.dashboard.TestTrackers;
import io.tunelab.dashboard.data.DashboardData;
import io.tunelab.dashboard.data.TrackerDashboardData;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scalars view's run list offers the tags the matching runs logged, and says which run logged which. */
class ScalarsRunsApiTest {
    @TempDir
    Path dir;

    @Test
    void theTagsOfferedAreThoseOfTheMatchingRunsNotOfOtherStudies() {
        InMemoryStorage storage = new InMemoryStorage();
        Map<String, Long> ids = fill(storage);
        ApiFixture.withServer(storage, client -> assertTagsOfMatchingRuns(json(client.get("/api/runs?regex=live%20study"), 200), ids));
    }

    @Test
    void theTagsOfferedAreThoseOfTheMatchingRunsInATrackerDatabaseToo() {
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(dir.resolve("db")))) {
            Map<String, Long> ids = fill(tracker.storage());
            DashboardData data = new TrackerDashboardData(TestTrackers.ports(tracker));
            ApiFixture.withServer(data, client -> assertTagsOfMatchingRuns(json(client.get("/api/runs?regex=live%20study"), 200), ids));
        }
    }

    private static void assertTagsOfMatchingRuns(JsonNode res, Map<String, Long> ids) {
        assertThat(res.get("metrics")).extracting(JsonNode::asText).containsExactly("train_loss", "val_loss");
        assertThat(res.get("runs")).extracting(r -> r.get("id").asLong())
                .containsExactly(ids.get("both"), ids.get("val"), ids.get("none"));
        Function<String, List<String>> tagsOf = key -> {
            for (JsonNode r : res.get("runs")) {
                if (r.get("id").asLong() == ids.get(key)) {
                    List<String> tags = new ArrayList<>();
                    r.get("metrics").forEach(m -> tags.add(m.asText()));
                    return tags;
                }
            }
            throw new AssertionError("no run " + key);
        };
        assertThat(tagsOf.apply("both")).containsExactly("train_loss", "val_loss");
        assertThat(tagsOf.apply("val")).containsExactly("val_loss");
        assertThat(tagsOf.apply("none")).isEmpty();
    }

    /** A study "live study" whose runs log val_loss (and train_loss), and another whose run logs loss and m. */
    private static Map<String, Long> fill(TrialStorage storage) {
        long live = storage.createStudy("live study", List.of(Direction.MINIMIZE)).id();
        long other = storage.createStudy("other", List.of(Direction.MINIMIZE)).id();
        long both = storage.createRunningTrial(live).id();
        long val = storage.createRunningTrial(live).id();
        long none = storage.createRunningTrial(live).id();
        long elsewhere = storage.createRunningTrial(other).id();
        log(storage, both, "val_loss");
        log(storage, both, "train_loss");
        log(storage, val, "val_loss");
        SampleStudies.logLoss(storage, elsewhere, 0, 3, 1.0);
        log(storage, elsewhere, "m");
        return Map.of("both", both, "val", val, "none", none);
    }

    private static void log(TrialStorage storage, long trial, String name) {
        storage.logMetrics(trial, List.of(new MetricPoint(name, 0, 1.0, Instant.ofEpochMilli(0)),
                new MetricPoint(name, 1, 0.5, Instant.ofEpochMilli(1000))));
    }
}
