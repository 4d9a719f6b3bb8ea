package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.logging.Log;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * Opening a tracker from a library user's program logs nothing of Flyway's at info or warn level, whatever SLF4J binding
 * the program has: Flyway's progress and its recommendation to upgrade for a newer H2 go to debug level.
 */
class FlywayLogTest {
    private final List<String> logged = new ArrayList<>();
    private final List<Object> arguments = new ArrayList<>();

    /** An SLF4J logger that records each message as {@code LEVEL message}. */
    private Logger recording() {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("is")) {
                        return true;
                    }
                    if (args != null && args.length > 0 && args[0] instanceof String message) {
                        logged.add(method.getName() + " " + message);
                        arguments.addAll(args.length > 1 && args[1] instanceof Object[] rest ? List.of(rest)
                                : List.of(args).subList(1, args.length));
                    }
                    return null;
                });
    }

    @Test
    void flywaysProgressAndUpgradeRecommendationAreDebugAndOtherWarningsAndErrorsKeepTheirLevel() {
        Log log = FlywayLog.over(recording());

        log.info("Migrating schema \"PUBLIC\" to version \"1 - tables\"");
        log.notice("Successfully applied 7 migrations");
        log.warn("Flyway upgrade recommended: H2 2.3.232 is newer than this version of Flyway and support has not been tested.");
        log.warn("DB: something else");
        log.error("Migration failed");

        assertThat(logged).containsExactly("debug Migrating schema \"PUBLIC\" to version \"1 - tables\"",
                "debug Successfully applied 7 migrations",
                "debug Flyway upgrade recommended: H2 2.3.232 is newer than this version of Flyway and support has not been tested.",
                "warn DB: something else", "error Migration failed");
    }

    @Test
    void theErrorsFlywayLogsAboutAMigrationThatWasRetriedSuccessfullyAreOneInfoLine() {
        Log log = FlywayLog.over(recording());

        String opened = FlywayLog.retried(() -> {
            log.error("Unable to restore autocommit to original value for connection",
                    new SQLException("Database is already closed", "90121", 90121));
            log.error("Unable to rollback transaction", new SQLException("Database is already closed", "90121", 90121));
            return "opened";
        });

        assertThat(opened).isEqualTo("opened");
        assertThat(logged).singleElement().asString().startsWith("info A migration of the tracker schema failed and was"
                + " retried successfully; Flyway logged {} error(s) about it, the first: {}{}");
        assertThat(arguments).containsExactly(2, "Unable to restore autocommit to original value for connection",
                " (java.sql.SQLException: Database is already closed)");
    }

    @Test
    void theErrorsFlywayLogsAboutAnOpenThatFailsInTheEndStayErrors() {
        Log log = FlywayLog.over(recording());
        IllegalStateException failed = new IllegalStateException("cannot migrate the tracker schema");

        assertThatThrownBy(() -> FlywayLog.retried(() -> {
            log.error("Unable to rollback transaction", new SQLException("Database is already closed"));
            throw failed;
        })).isSameAs(failed);

        assertThat(logged).containsExactly("error Unable to rollback transaction");
        log.error("Migration failed");
        assertThat(logged).as("after the open, errors are logged at once").endsWith("error Migration failed");
    }

    @Test
    void theTrackersMigrationsLogThroughIt() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:flyway-log");

        assertThat(Migrations.configuration(h2).getLoggers()).containsExactly(FlywayLog.class.getName());
    }
}
