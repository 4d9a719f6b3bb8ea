package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.tunelab.cli.wiring.StorageAccess;
import io.tunelab.tracker.config.DatabaseSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A command that only reads reports an unreachable database within seconds, while the commands that write (workers
 * among them) keep waiting out a restart for the default two minutes.
 */
class ReadCommandOutageTest {

    @Test
    void readCommandsWaitSecondsForAnOutageAndWritingCommandsTheDefault() {
        StorageAccess access = StorageAccess.of("jdbc:postgresql://127.0.0.1:5432/tunelab");

        assertThat(TrackerLocation.forReading(access).database().outageTolerance())
                .isEqualTo(TrackerLocation.READ_OUTAGE_TOLERANCE)
                .isLessThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(TrackerLocation.config(access).database().outageTolerance())
                .isEqualTo(DatabaseSettings.DEFAULT_OUTAGE_TOLERANCE);
    }

    @Test
    void studiesAgainstAStoppedDatabaseExitsWithTheAddressWithinSeconds() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + closedLoopbackPort() + "/tunelab";

        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(40),
                () -> CliRun.of(new DefaultWiring(), "studies", "--storage", url));

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains(url).containsIgnoringCase("refused").doesNotContain("\tat ");
    }

    /** A loopback port nothing listens on: bound once by the system's choice, then closed. */
    static int closedLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
