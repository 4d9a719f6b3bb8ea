package io.tunelab.dashboard.api;

import static io.tunelab.dashboard.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunelab.search.storage.InMemoryStorage;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

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
    void aPromoteBodyMissingBothVersionAndTrialAnswers400() {
        ApiFixture.withServer(new InMemoryStorage(), client -> {
            JsonNode error = json(client.post("/api/models/mnist/promote", Map.of("alias", "production")), 400);
            assertThat(error.get("message").asText()).contains("either a version or a trialId");
        });
    }
}
