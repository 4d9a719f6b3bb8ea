package io.tunelab.dashboard.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.testing.http.JavalinInternals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A started dashboard has answered its own first request, so that the first requests of browsers and API
 * clients arriving together cannot race in Javalin's lazy set-up (one of them failed with a 500).
 */
@Timeout(60)
class DashboardServerFirstRequestTest {
    @Test
    void aStartedDashboardHasAlreadyBuiltJavalinsLazyRequestConfiguration() throws Exception {
        DashboardServer server = new DashboardServer(new StorageDashboardData(new InMemoryStorage(), 0), 0).start();
        try {
            assertThat(JavalinInternals.requestConfigurationBuilt(server.app().javalinServlet()))
                    .as("built before any client's request").isTrue();
        } finally {
            server.stop();
        }
    }
}
