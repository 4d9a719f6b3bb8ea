package io.tunelab.dashboard.api;

import static io.tunelab.dashboard.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.dashboard.TestTrackers;
import io.tunelab.dashboard.data.TrackerDashboardData;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.Direction;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Over a tracker, the dashboard reads artifact files through the tracker's artifact repository and its checks. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TrackerArtifactReadsTest {

    @Test
    void anArtifactFileThatLinksOutOfTheArtifactRootIsNotServed(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "not an artifact");
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(dir.resolve("db")))) {
            long study = tracker.storage().createStudy("links", List.of(Direction.MINIMIZE)).id();
            long trial = tracker.storage().createRunningTrial(study).id();
            ArtifactRef ref = tracker.storage().storeArtifact(trial, "model.bin", Files.writeString(dir.resolve("m"), "weights"));
            TrackerDashboardData data = new TrackerDashboardData(TestTrackers.ports(tracker));
            String path = "/api/trials/" + trial + "/artifacts/model.bin";
            ApiFixture.withServer(data, client -> assertThat(ApiFixture.text(client.get(path))).isEqualTo("weights"));

            Path stored = Path.of(ref.uri());
            Files.delete(stored);
            Files.createSymbolicLink(stored, secret);
            ApiFixture.withServer(data, client -> assertThat(json(client.get(path), 400).get("message").asText())
                    .contains("outside the artifact root").doesNotContain("not an artifact"));
        }
    }
}
