package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The holder of a joined database ending is logged as a hand-over; a server going away stays a warned outage. */
class OutageWatchTest {
    private static final SQLException SESSION_CLOSED = new SQLException("Connection is broken: \"session closed\"", "08006");

    @Test
    void aJoinedDatabaseWhoseHolderEndsIsHandedOverWithoutAWarning() {
        String logged = logOf(new OutageWatch("jdbc:h2:retry:/d/tracker", Duration.ofMinutes(2), true));

        // the tests log at WARN and above (simplelogger.properties): the hand-over's INFO lines do not show
        assertThat(logged).doesNotContain("WARN").doesNotContain("unreachable");
    }

    @Test
    void aServerThatGoesAwayIsAnOutageWarnedAbout() {
        String logged = logOf(new OutageWatch("jdbc:h2:tcp://127.0.0.1:9092/tracker", Duration.ofMinutes(2), false));

        assertThat(logged).contains("WARN").contains("unreachable").contains("reachable again");
    }

    /** What the logger wrote (slf4j-simple, to the standard error of the moment) for one outage and its end. */
    private static String logOf(OutageWatch watch) {
        PrintStream err = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            watch.entered();
            watch.failed(1, SESSION_CLOSED);
            watch.left(true);
        } finally {
            System.setErr(err);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
