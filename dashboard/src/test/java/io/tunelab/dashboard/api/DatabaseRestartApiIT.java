package io.tunelab.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.dashboard.TestTrackers;
import io.tunelab.dashboard.data.TrackerDashboardData;
import io.tunelab.dashboard.server.DashboardServer;
import io.tunelab.search.study.Study;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.server.ServerOptions;
import io.tunelab.tracker.server.TrackerServer;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dashboard over a real H2 tracker server that is stopped and started again: while it is down the API answers 503
 * within seconds, naming the database and that it is retried; once it is back the API answers again, with no restart of
 * the dashboard.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class DatabaseRestartApiIT {
    /** What {@code tunelab dashboard} waits for an unreachable database (the CLI's TrackerLocation.forDashboard). */
    private static final Duration OUTAGE_TOLERANCE = Duration.ofSeconds(3);

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void whileTheServerIsStoppedReadsAnswer503WithinSecondsAndOnceItIsBackTheyAnswerAgain() throws Exception {
        Path dir = tmp.resolve("srv");
        TrackerServer server = TrackerServer.start(ServerOptions.loopback(dir).withReapEvery(null));
        int port = server.port();
        TrackerConfig config = new TrackerConfig(server.clientSettings().withOutageTolerance(OUTAGE_TOLERANCE),
                tmp.resolve("artifacts"), StorageOptions.defaults().withoutHeartbeat());
        TrackerServer restarted = null;
        try (Tracker tracker = Tracker.open(config)) {
            Study.builder("through the restart").storage(tracker.storage()).create();
            DashboardServer dashboard = new DashboardServer(new TrackerDashboardData(TestTrackers.ports(tracker)), 0).start();
            try {
                String api = "http://127.0.0.1:" + dashboard.port() + "/api/";
                assertThat(get(api + "studies").statusCode()).isEqualTo(200);

                server.close();
                for (String path : new String[] {"studies", "health", "studies/1/trials"}) {
                    long began = System.nanoTime();
                    HttpResponse<String> down = get(api + path);
                    Duration took = Duration.ofNanos(System.nanoTime() - began);

                    assertThat(down.statusCode()).as(path + ": " + down.body()).isEqualTo(503);
                    assertThat(took).as(path).isLessThan(Duration.ofSeconds(10));
                    assertThat(down.body()).contains("127.0.0.1:" + port, "unreachable", "retrying")
                            .doesNotContain(server.clientSettings().password());
                }

                restarted = TrackerServer.start(ServerOptions.loopback(dir).withPort(port).withReapEvery(null));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
                int status = 0;
                while (status != 200 && System.nanoTime() < deadline) {
                    Thread.sleep(500);
                    status = get(api + "studies").statusCode();
                }
                assertThat(status).as("the API once the server is back").isEqualTo(200);
                assertThat(get(api + "health").statusCode()).isEqualTo(200);
                assertThat(get(api + "studies").body()).contains("through the restart");
            } finally {
                dashboard.stop();
            }
        } finally {
            server.close();
            if (restarted != null) {
                restarted.close();
            }
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
