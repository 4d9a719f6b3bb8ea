package io.tunelab.dashboard.api;

import static io.tunelab.dashboard.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunelab.dashboard.TestTrackers;
import io.tunelab.dashboard.data.TrackerDashboardData;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.registry.Change;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsApiTest {

    @Test
    void aPlainTrialStorageAnswersThatTheRegistryIsNotConfigured() {
        ApiFixture.withServer(new InMemoryStorage(), client -> {
            JsonNode error = json(client.get("/api/models"), 501);
            assertThat(error.get("error").asText()).isEqualTo("NOT_CONFIGURED");
            assertThat(error.get("message").asText()).contains("model registry is not configured");
            JsonNode promote = json(client.post("/api/models/mnist/promote", Map.of("alias", "production", "version", 1)), 501);
            assertThat(promote.get("error").asText()).isEqualTo("NOT_CONFIGURED");
        });
    }

    @Test
    void actionsThatAreNotJsonAreRefusedAsPossibleCrossSiteRequests() {
        ApiFixture.withServer(new InMemoryStorage(), client -> {
            Request.Builder form = new Request.Builder().post(RequestBody.create("alias=production",
                    MediaType.get("application/x-www-form-urlencoded")));
            JsonNode error = json(client.request("/api/models/mnist/promote", form), 403);
            assertThat(error.get("message").asText()).contains("application/json");
        });
    }

    @Test
    void aTrialIsPromotedByItsNumberInItsStudyAndANumberItDoesNotHaveIsRefusedByName(@TempDir Path dir) {
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(dir.resolve("db")))) {
            Study first = Study.builder("first").storage(tracker.storage()).seed(1).create();
            first.optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.trials(3).withParallelism(1));
            Study second = Study.builder("second").storage(tracker.storage()).seed(2).create();
            second.optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.trials(2).withParallelism(1));
            FrozenTrial wanted = second.trials(EnumSet.allOf(TrialState.class)).get(1);
            assertThat(wanted.id()).as("a trial whose id is not its number").isNotEqualTo(1L);
            ApiFixture.withServer(new TrackerDashboardData(TestTrackers.ports(tracker)), client -> {
                JsonNode promoted = json(client.post("/api/models/m/promote",
                        Map.of("alias", "production", "study", second.studyId(), "trialNumber", 1)), 200);
                assertThat(promoted.get("version").get("trialId").asLong()).isEqualTo(wanted.id());
                assertThat(promoted.get("version").get("studyName").asText()).isEqualTo("second");
                assertThat(promoted.get("version").get("trialNumber").asInt()).isEqualTo(1);

                JsonNode missing = json(client.post("/api/models/m/promote",
                        Map.of("alias", "production", "study", second.studyId(), "trialNumber", 2)), 404);
                assertThat(missing.get("message").asText())
                        .isEqualTo("trialNumber 2: study 'second' has no trial #2 (its trials are #0 to #1)");
                json(client.post("/api/models/m/promote", Map.of("alias", "production", "study", 987654, "trialNumber", 0)), 404);
            });
        }
    }

    @Test
    void aDeletedModelAnswers404SayingWhenAndByWhomItWasDeletedWithItsAuditTrail(@TempDir Path dir) {
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(dir.resolve("db")))) {
            Study study = Study.builder("s").storage(tracker.storage()).seed(1).create();
            study.optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.trials(1).withParallelism(1));
            ApiFixture.withServer(new TrackerDashboardData(TestTrackers.ports(tracker)), client -> {
                json(client.post("/api/models/m/promote",
                        Map.of("alias", "production", "study", study.studyId(), "trialNumber", 0)), 200);
                tracker.registry().deleteModel("m", Change.by("ana", "replaced by m2"));

                JsonNode gone = json(client.get("/api/models/m"), 404);
                assertThat(gone.get("error").asText()).isEqualTo("NOT_FOUND");
                assertThat(gone.get("message").asText()).startsWith("model 'm' was deleted at ").contains(" by ana")
                        .endsWith("(replaced by m2)");
                assertThat(gone.get("deleted").get("subject").asText()).isEqualTo("(model deleted)");
                assertThat(gone.get("deleted").get("reason").asText()).isEqualTo("replaced by m2");
                List<String> subjects = new ArrayList<>();
                gone.get("audit").forEach(m -> subjects.add(m.get("subject").asText() + " " + m.get("toVersion")));
                assertThat(subjects).as("newest first: the deletion, then the moves before it")
                        .containsExactly("(model deleted) null", "(version deleted) null", "production null", "production 1");

                JsonNode never = json(client.get("/api/models/never"), 404);
                assertThat(never.has("deleted")).as("a model that never existed has no trail").isFalse();
            });
        }
    }

    @Test
    void aPromoteBodyMissingBothVersionAndTrialAnswers400() {
        ApiFixture.withServer(new InMemoryStorage(), client -> {
            JsonNode error = json(client.post("/api/models/mnist/promote", Map.of("alias", "production")), 400);
            assertThat(error.get("message").asText()).contains("either a version or a trialId");
        });
    }
}
