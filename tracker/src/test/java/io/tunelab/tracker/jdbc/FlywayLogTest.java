package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
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

    /** An SLF4J logger that records each message as {@code LEVEL message}. */
    private Logger recording() {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("is")) {
                        return true;
                    }
                    if (args != null && args.length > 0 && args[0] instanceof String message) {
                        logged.add(method.getName() + " " + message);
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
    void theTrackersMigrationsLogThroughIt() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:flyway-log");

        assertThat(Migrations.configuration(h2).getLoggers()).containsExactly(FlywayLog.class.getName());
    }
}
