package io.tunelab.dashboard.api;

import static io.tunelab.dashboard.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunelab.dashboard.TestTrackers;
import io.tunelab.dashboard.data.DashboardData;
import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.dashboard.data.TrackerDashboardData;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A running study's last activity moves with the steps its trials log or report, not only with trials starting and
 * finishing.
 */
class LastActivityApiTest {

    /** A study with one running trial that logged steps 0 and 1 an hour and two hours after it started: the second's time. */
    private static void theLatestLoggedStepIsTheLastActivity(TrialStorage storage, Function<TrialStorage, DashboardData> data) {
        long study = storage.createStudy("epochs", List.of(Direction.MINIMIZE)).id();
        FrozenTrial trial = storage.createRunningTrial(study);
        Instant second = trial.start().plus(Duration.ofHours(2));
        storage.logMetrics(trial.id(), List.of(new MetricPoint("loss", 0, 0.9, trial.start().plus(Duration.ofHours(1))),
                new MetricPoint("loss", 1, 0.5, second)));
        storage.flush();
        ApiFixture.withServer(data.apply(storage), client -> {
            JsonNode summary = json(client.get("/api/studies/" + study), 200);
            assertThat(summary.get("lastActivity").asLong()).isEqualTo(second.toEpochMilli());
            JsonNode listed = json(client.get("/api/studies"), 200).get("studies").get(0);
            assertThat(listed.get("lastActivity").asLong()).isEqualTo(second.toEpochMilli());
        });
    }

    /**
     * A study with one running trial that reports an intermediate value (stored without a time) a while after it started,
     * while the dashboard watches: about when it was reported.
     */
    private static void aReportedIntermediateValueMovesTheLastActivity(TrialStorage storage, DashboardData data)
            throws InterruptedException {
        long study = storage.createStudy("reports", List.of(Direction.MINIMIZE)).id();
        FrozenTrial trial = storage.createRunningTrial(study);
        ApiFixture.withServer(data, client -> {
            assertThat(json(client.get("/api/studies/" + study), 200).get("lastActivity").asLong())
                    .isEqualTo(trial.start().toEpochMilli());
            Thread.sleep(50);
            long reported = System.currentTimeMillis();
            storage.setIntermediateValue(trial.id(), 0, 0.7);
            assertThat(json(client.get("/api/studies/" + study), 200).get("lastActivity").asLong())
                    .isBetween(reported, System.currentTimeMillis());
        });
    }

    @Test
    void overAPlainTrialStorage() throws InterruptedException {
        theLatestLoggedStepIsTheLastActivity(new InMemoryStorage(), s -> new StorageDashboardData(s, 0));
        InMemoryStorage storage = new InMemoryStorage();
        aReportedIntermediateValueMovesTheLastActivity(storage, new StorageDashboardData(storage, 0));
    }

    @Test
    void overATrackerDatabase(@TempDir Path dir) throws InterruptedException {
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(dir.resolve("db")))) {
            theLatestLoggedStepIsTheLastActivity(tracker.storage(), s -> new TrackerDashboardData(TestTrackers.ports(tracker)));
        }
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(dir.resolve("db2")))) {
            aReportedIntermediateValueMovesTheLastActivity(tracker.storage(),
                    new TrackerDashboardData(TestTrackers.ports(tracker), null, 0));
        }
    }
}
