package io.tunelab.dashboard.api;

import static io.tunelab.dashboard.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.MetricPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesApiTest {
    static final int POINTS = 50_000;
    static final int SPIKE_STEP = 31_337;

    @TempDir
    Path dir;
    InMemoryStorage storage;
    long trialId;

    @BeforeEach
    void logALongSeriesWithOneSpike() throws Exception {
        storage = new InMemoryStorage();
        long study = storage.createStudy("long", List.of(Direction.MINIMIZE)).id();
        trialId = storage.createRunningTrial(study).id();
        List<MetricPoint> points = new ArrayList<>();
        for (int step = 0; step < POINTS; step++) {
            double v = step == SPIKE_STEP ? 1000.0 : Math.sin(step / 100.0);
            points.add(new MetricPoint("train/loss", step, v, Instant.ofEpochMilli(1_000_000L + step)));
        }
        storage.logMetrics(trialId, points);
        storage.storeArtifact(trialId, "model.bin", Files.writeString(dir.resolve("m.bin"), "weights-123"));
    }

    @Test
    void longSeriesAreDownsampledKeepingSpikesAndEnds() {
        ApiFixture.withServer(storage, client -> {
            JsonNode s = json(client.get("/api/trials/" + trialId + "/series?maxPoints=1000&name=train/loss"), 200);
            assertThat(s.get("total").asInt()).isEqualTo(POINTS);
            assertThat(s.get("downsampled").asBoolean()).isTrue();
            JsonNode steps = s.get("steps");
            assertThat(steps.size()).isLessThanOrEqualTo(1000).isGreaterThan(900);
            assertThat(steps.get(0).asLong()).isZero();
            assertThat(steps.get(steps.size() - 1).asLong()).isEqualTo(POINTS - 1);
            List<Long> kept = new ArrayList<>();
            steps.forEach(n -> kept.add(n.asLong()));
            assertThat(kept).contains((long) SPIKE_STEP);
            assertThat(kept).isSorted();
        });
    }

    @Test
    void aZoomedRangeComesAtFullResolution() {
        ApiFixture.withServer(storage, client -> {
            JsonNode s = json(client.get("/api/trials/" + trialId + "/series?maxPoints=1000&from=31000&to=31799&name=train/loss"), 200);
            assertThat(s.get("downsampled").asBoolean()).isFalse();
            assertThat(s.get("steps")).hasSize(800);
            assertThat(s.get("steps").get(0).asLong()).isEqualTo(31_000);
        });
    }

    @Test
    void afterGivesOnlyNewerPointsForLiveUpdates() {
        ApiFixture.withServer(storage, client -> {
            JsonNode s = json(client.get("/api/trials/" + trialId + "/series?maxPoints=0&after=49990&name=train/loss"), 200);
            assertThat(s.get("steps")).hasSize(9);
            assertThat(s.get("wallTimes").get(0).asLong()).isEqualTo(1_000_000L + 49_991);
        });
    }

    @Test
    void csvExportGivesEveryPoint() {
        ApiFixture.withServer(storage, client -> {
            var response = client.get("/api/trials/" + trialId + "/series.csv?name=train/loss");
            assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"long-trial-0-train_loss.csv\"");
            String csv = ApiFixture.text(response);
            String[] lines = csv.split("\r\n");
            assertThat(lines).hasSize(POINTS + 1);
            assertThat(lines[SPIKE_STEP + 1]).startsWith("train/loss," + SPIKE_STEP + ",1000.0,");
        });
    }

    @Test
    void aScalarsCardDownloadsEveryPointOfItsRunsAsCsvOrJsonNamedByStudyAndTag() {
        long second = storage.createRunningTrial(storage.createStudy("other", List.of(Direction.MINIMIZE)).id()).id();
        storage.logMetrics(second, List.of(new MetricPoint("train/loss", 3, 0.25, Instant.ofEpochMilli(5000))));
        long without = storage.createRunningTrial(storage.studies().get(0).id()).id();
        ApiFixture.withServer(storage, client -> {
            var both = client.get("/api/series.csv?name=train/loss&trials=" + trialId + "," + second);
            assertThat(both.header("Content-Disposition")).isEqualTo("attachment; filename=\"scalars-train_loss.csv\"");
            String[] lines = ApiFixture.text(both).split("\r\n");
            assertThat(lines).hasSize(POINTS + 2);
            assertThat(lines[0]).isEqualTo("study,trial,name,step,value,wall_time");
            assertThat(lines[SPIKE_STEP + 1]).startsWith("long,0,train/loss," + SPIKE_STEP + ",1000.0,");
            assertThat(lines[POINTS + 1]).startsWith("other,0,train/loss,3,0.25,");

            var one = client.get("/api/series.json?name=train/loss&trials=" + second);
            assertThat(one.header("Content-Disposition")).isEqualTo("attachment; filename=\"other-trial-0-train_loss.json\"");
            JsonNode runs = json(one, 200);
            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).get("study").asText()).isEqualTo("other");
            assertThat(runs.get(0).get("steps")).extracting(JsonNode::asLong).containsExactly(3L);

            var ofOneStudy = client.get("/api/series.json?name=train/loss&trials=" + trialId + "," + without);
            assertThat(ofOneStudy.header("Content-Disposition")).isEqualTo("attachment; filename=\"long-train_loss.json\"");
            assertThat(json(ofOneStudy, 200)).hasSize(1);
        });
    }

    @Test
    void artifactsDownloadWithTheirDigest() {
        ApiFixture.withServer(storage, client -> {
            var response = client.get("/api/trials/" + trialId + "/artifacts/model.bin");
            assertThat(response.header("X-Content-SHA256")).hasSize(64);
            assertThat(ApiFixture.text(response)).isEqualTo("weights-123");
            json(client.get("/api/trials/" + trialId + "/artifacts/other.bin"), 404);
        });
    }

    @Test
    void unknownSeriesAndBadMaxPointsAnswerJsonErrors() {
        ApiFixture.withServer(storage, client -> {
            assertThat(json(client.get("/api/trials/" + trialId + "/series?name=nope"), 404).get("message").asText())
                    .contains("'nope'");
            assertThat(json(client.get("/api/trials/" + trialId + "/series?name=train/loss&maxPoints=1"), 400)
                    .get("message").asText()).contains("maxPoints");
        });
    }
}
