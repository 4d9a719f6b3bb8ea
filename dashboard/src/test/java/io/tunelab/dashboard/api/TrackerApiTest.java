package io.tunelab.dashboard.api;

import static io.tunelab.dashboard.api.ApiFixture.json;
import static io.tunelab.dashboard.api.ApiFixture.studyId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunelab.dashboard.SampleStudies;
import io.tunelab.dashboard.TestTrackers;
import io.tunelab.dashboard.data.TrackerDashboardData;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API over an H2 tracker database filled by a real small study, model registry included. */
class TrackerApiTest {
    @TempDir
    static Path dir;
    static Tracker tracker;
    static TrackerDashboardData data;

    @BeforeAll
    static void runStudiesIntoH2() {
        tracker = Tracker.open(TrackerConfig.inDirectory(dir.resolve("db")));
        SampleStudies.fill(tracker.storage(), dir.resolve("files"));
        data = new TrackerDashboardData(TestTrackers.ports(tracker));
    }

    @AfterAll
    static void close() {
        tracker.close();
    }

    @Test
    void studiesTrialsAndTheTableComeFromTheDatabase() {
        ApiFixture.withServer(data, client -> {
            long id = studyId(client, SampleStudies.QUADRATIC);
            JsonNode study = json(client.get("/api/studies/" + id), 200);
            assertThat(study.get("counts").get("COMPLETE").asInt()).isEqualTo(32);
            JsonNode page = json(client.get("/api/studies/" + id + "/trials?after=9&limit=5"), 200);
            assertThat(page.get("trials")).extracting(t -> t.get("number").asInt()).containsExactly(10, 11, 12, 13, 14);
            String filter = URLEncoder.encode("loss.min < 5 AND state = COMPLETE", StandardCharsets.UTF_8);
            JsonNode table = json(client.get("/api/studies/" + id + "/table?metrics=loss&sort=loss.min&filter=" + filter), 200);
            assertThat(table.get("total").asInt()).isBetween(1, 32);
            assertThat(table.get("rows").get(0).get("metrics").get("loss").get("count").asInt()).isEqualTo(SampleStudies.STEPS);
        });
    }

    @Test
    void aStudyUserAttributeSetAfterThePageReadTheStudyIsAChangeAfterTheCursorItCameWith() {
        Study study = Study.builder("attrs after the page").storage(tracker.storage()).create();
        ApiFixture.withServer(data, client -> {
            long cursor = json(client.get("/api/studies/" + study.studyId()), 200).get("cursor").asLong();
            study.setUserAttr("owner", "ana");
            JsonNode changes = json(client.get("/api/studies/" + study.studyId() + "/changes?since=" + cursor), 200);
            assertThat(changes.get("study").asBoolean()).as("changes since the study's own cursor: %s", changes).isTrue();
        });
    }

    @Test
    void seriesAreReadByRangeFromTheDatabase() {
        ApiFixture.withServer(data, client -> {
            long trial = tracker.storage().trialByNumber(studyId(client, SampleStudies.QUADRATIC), 0).id();
            JsonNode all = json(client.get("/api/trials/" + trial + "/series?name=loss&maxPoints=10"), 200);
            assertThat(all.get("total").asInt()).isEqualTo(SampleStudies.STEPS);
            assertThat(all.get("downsampled").asBoolean()).isTrue();
            JsonNode range = json(client.get("/api/trials/" + trial + "/series?name=loss&from=5&to=9"), 200);
            assertThat(range.get("steps")).extracting(JsonNode::asInt).containsExactly(5, 6, 7, 8, 9);
            assertThat(ApiFixture.text(client.get("/api/trials/" + trial + "/artifacts/model.bin"))).isEqualTo("weights");
            JsonNode detail = json(client.get("/api/trials/" + trial), 200);
            assertThat(detail.get("provenance").get("seed").asLong()).isEqualTo(7);
            assertThat(detail.get("provenance").get("java").asText()).isNotBlank();
            assertThat(detail.get("provenance").get("worker").asText()).isNotBlank();
            assertThat(detail.get("provenance").get("execution").get("slot").asText()).isEqualTo(detail.get("slot").asText());
        });
    }

    @Test
    void promotingMovesTheAliasAndTheAuditTrailRecordsTheMove() {
        long study = tracker.storage().findStudy(SampleStudies.QUADRATIC).orElseThrow().id();
        var complete = tracker.storage().trials(study, EnumSet.of(TrialState.COMPLETE));
        ApiFixture.withServer(data, client -> {
            JsonNode first = json(client.post("/api/models/quadratic-best/promote",
                    Map.of("alias", "production", "trialId", complete.get(0).id(), "reason", "first model")), 200);
            assertThat(first.get("moved").asBoolean()).isTrue();
            assertThat(first.get("version").get("version").asInt()).isEqualTo(1);
            assertThat(first.get("version").get("source").asText()).endsWith("model.bin");
            JsonNode second = json(client.post("/api/models/quadratic-best/promote",
                    Map.of("alias", "production", "trialId", complete.get(1).id(), "reason", "better loss")), 200);
            assertThat(second.get("move").get("fromVersion").asInt()).isEqualTo(1);
            assertThat(second.get("move").get("toVersion").asInt()).isEqualTo(2);

            JsonNode model = json(client.get("/api/models/quadratic-best"), 200);
            assertThat(model.get("model").get("aliases").get("production").asInt()).isEqualTo(2);
            assertThat(model.get("versions")).extracting(v -> v.get("version").asInt()).containsExactly(2, 1);
            assertThat(model.get("audit").get(0).get("reason").asText()).isEqualTo("better loss");
            assertThat(model.get("audit").get(0).get("actor").asText()).startsWith("dashboard@");
            assertThat(json(client.get("/api/models"), 200).get("models")).extracting(m -> m.get("name").asText())
                    .contains("quadratic-best");
            JsonNode pruned = json(client.post("/api/models/quadratic-best/promote", Map.of("alias", "staging",
                    "trialId", tracker.storage().trialByNumber(study, 4).id())), 409);
            assertThat(pruned.get("message").asText()).contains("only a COMPLETE trial");
            json(client.get("/api/models/nothing"), 404);
        });
    }

    @Test
    void withoutAPromoterATrialWithSeveralArtifactsIsRefusedRatherThanGuessed() throws Exception {
        long study = tracker.storage().findStudy(SampleStudies.QUADRATIC).orElseThrow().id();
        var trial = tracker.storage().trials(study, EnumSet.of(TrialState.COMPLETE)).get(5);
        java.nio.file.Path notes = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "notes");
        tracker.storage().storeArtifact(trial.id(), "notes.txt", notes);
        tracker.storage().storeArtifact(trial.id(), "weights.bin", notes);
        ApiFixture.withServer(data, client -> {
            JsonNode refused = json(client.post("/api/models/several/promote", Map.of("alias", "production",
                    "trialId", trial.id())), 409);
            assertThat(refused.get("message").asText()).contains("several artifacts").contains("weights.bin", "notes.txt");
        });
        assertThat(tracker.registry().findModel("several")).isEmpty();
    }
}
