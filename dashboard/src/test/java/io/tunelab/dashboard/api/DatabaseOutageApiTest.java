package io.tunelab.dashboard.api;

import static io.tunelab.dashboard.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunelab.dashboard.OutageData;
import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.search.storage.InMemoryStorage;
import java.nio.file.Path;
import java.util.Map;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API while the database is unreachable: every call answers 503 at once, saying so, and asks to be retried; while it
 * is busy (no pooled connection came free in time) calls answer 503 busy, not unreachable.
 */
class DatabaseOutageApiTest {
    @TempDir
    static Path dir;

    @Test
    void readsAndWritesAnswer503NamingTheDatabaseAndThatItIsRetried() {
        InMemoryStorage storage = ApiFixture.storage(dir);
        OutageData db = new OutageData(new StorageDashboardData(storage, 0));
        ApiFixture.withServer(db.data(), client -> {
            db.down = true;
            for (String path : new String[] {"/api/studies", "/api/health"}) {
                try (Response response = client.get(path)) {
                    assertThat(response.header("Retry-After")).as(path).isEqualTo("5");
                    assertUnreachable(json(response, 503));
                }
            }
            assertUnreachable(json(client.post("/api/models/m/promote", Map.of("alias", "production", "version", 1)), 503));

            db.down = false;
            assertThat(json(client.get("/api/health"), 200).get("database").asText()).isEqualTo("reachable");
            assertThat(json(client.get("/api/studies"), 200).get("studies")).isNotEmpty();
        });
    }

    @Test
    void aBusyDatabaseAnswers503BusyToTryAgainNotUnreachable() {
        InMemoryStorage storage = ApiFixture.storage(dir);
        OutageData db = new OutageData(new StorageDashboardData(storage, 0));
        ApiFixture.withServer(db.data(), client -> {
            db.busy = true;
            try (Response response = client.get("/api/studies")) {
                assertThat(response.header("Retry-After")).isEqualTo("5");
                JsonNode error = json(response, 503);
                assertThat(error.get("error").asText()).isEqualTo("BUSY");
                assertThat(error.has("retrying")).as("the pages' 'database unreachable' banner").isFalse();
                assertThat(error.get("message").asText()).isEqualTo(OutageData.BUSY_MESSAGE + "; try again shortly")
                        .doesNotContain("unreachable");
            }
        });
    }

    private static void assertUnreachable(JsonNode error) {
        assertThat(error.get("error").asText()).isEqualTo("UNAVAILABLE");
        assertThat(error.get("retrying").asBoolean()).isTrue();
        assertThat(error.get("message").asText()).isEqualTo(OutageData.MESSAGE + "; retrying").doesNotContain("\tat ");
    }
}
