package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.tunelab.cli.wiring.StorageAccess;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The dashboard waits seconds, not the workers' two minutes, for an unreachable database: its pages get an error to show
 * while the database is down, and a dashboard started against a stopped one says so at once.
 */
class DashboardOutageTest {

    @Test
    void theDashboardWaitsSecondsForAnOutage() {
        StorageAccess access = StorageAccess.of("jdbc:postgresql://127.0.0.1:5432/tunelab");

        assertThat(TrackerLocation.forDashboard(access).database().outageTolerance())
                .isEqualTo(TrackerLocation.DASHBOARD_OUTAGE_TOLERANCE)
                .isLessThanOrEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aDashboardStartedAgainstAStoppedDatabaseExitsWithTheAddressWithinSeconds() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + ReadCommandOutageTest.closedLoopbackPort() + "/tunelab";

        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> CliRun.of(new DefaultWiring(), "dashboard", "--storage", url, "--port", "0"));

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains(url).containsIgnoringCase("refused").doesNotContain("\tat ");
    }
}
