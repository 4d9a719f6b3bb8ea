package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An unreachable database is reported in a few plain words: no pool counters, no ISO durations, no password. */
class OutageMessagesTest {

    @Test
    void theReasonIsTheInnermostCauseWithoutThePoolsCounters() {
        SQLException refused = new SQLException("Connection to h:5432 refused.", "08001", new ConnectException("Connection refused"));
        SQLException pool = new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"
                + " after 30000ms (total=0, active=0, idle=0, waiting=1)", "08001", refused);
        assertThat(Database.reason(pool)).isEqualTo("connection refused");
        assertThat(Database.reason(new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request"
                + " timed out after 30000ms (total=0, active=0, idle=0, waiting=1)")))
                .isEqualTo("Connection is not available, request timed out after 30000ms");
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        assertThat(Database.human(Duration.ofMinutes(2))).isEqualTo("2 min");
        assertThat(Database.human(Duration.ofSeconds(45))).isEqualTo("45 s");
        assertThat(Database.human(Duration.ofSeconds(90))).isEqualTo("1 min 30 s");
        assertThat(Database.human(Duration.ofHours(1))).isEqualTo("1 h");
    }

    @Test
    void openFailuresDoNotShowThePassword() {
        assertThat(Database.describeOpenFailure("jdbc:postgresql://h/db?user=u&password=secret", new SQLException("boom")))
                .contains("password=***").doesNotContain("secret");
    }
}
