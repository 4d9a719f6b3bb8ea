package io.tunelab.dashboard.api;

import static io.tunelab.dashboard.api.ApiFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.dashboard.server.DashboardServer;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.trial.Direction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dashboard bound beyond loopback hands out artifact files (models among them) only to requests with
 * its token, unless it was started with public reads; on loopback, and for other reads, nothing changes.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DownloadAccessTest {
    private static final String TOKEN = "s3cret-token";

    @TempDir
    Path dir;
    StorageDashboardData data;
    long trialId;

    @BeforeEach
    void storeAModelFile() throws Exception {
        InMemoryStorage storage = new InMemoryStorage();
        long study = storage.createStudy("models", List.of(Direction.MINIMIZE)).id();
        trialId = storage.createRunningTrial(study).id();
        storage.storeArtifact(trialId, "model.bin", Files.writeString(dir.resolve("m.bin"), "weights"));
        data = new StorageDashboardData(storage, 0);
    }

    private String artifact() {
        return "/api/trials/" + trialId + "/artifacts/model.bin";
    }

    @Test
    void offLoopbackADownloadWithoutTheTokenIsRefusedAndWithItServed() {
        DashboardServer server = new DashboardServer(data, "0.0.0.0", 0, TOKEN);
        try {
            JavalinTest.test(server.app(), (s, client) -> {
                assertThat(json(client.get(artifact()), 401).get("message").asText()).contains("token", "--public-read");
                json(client.get(artifact(), r -> r.header("Authorization", "Bearer wrong")), 401);
                assertThat(ApiFixture.text(client.get(artifact(), r -> r.header("Authorization", "Bearer " + TOKEN))))
                        .isEqualTo("weights");
                assertThat(ApiFixture.text(client.get(artifact(), r -> r.header("X-Tunelab-Token", TOKEN))))
                        .isEqualTo("weights");
                json(client.get("/api/trials/" + trialId), 200);
                assertThat(json(client.get("/api/info"), 200).get("downloadTokenRequired").asBoolean()).isTrue();
            });
        } finally {
            server.stop();
        }
    }

    @Test
    void publicReadKeepsDownloadsOpenButActionsStillNeedTheToken() {
        DashboardServer server = new DashboardServer(data, "0.0.0.0", 0, TOKEN, true);
        try {
            JavalinTest.test(server.app(), (s, client) -> {
                assertThat(ApiFixture.text(client.get(artifact()))).isEqualTo("weights");
                assertThat(json(client.get("/api/info"), 200).get("downloadTokenRequired").asBoolean()).isFalse();
                assertThat(json(client.get("/api/info"), 200).get("tokenRequired").asBoolean()).isTrue();
            });
        } finally {
            server.stop();
        }
    }

    @Test
    void onLoopbackDownloadsNeedNoToken() {
        DashboardServer server = new DashboardServer(data, 0);
        try {
            JavalinTest.test(server.app(), (s, client) -> assertThat(ApiFixture.text(client.get(artifact())))
                    .isEqualTo("weights"));
        } finally {
            server.stop();
        }
    }
}
