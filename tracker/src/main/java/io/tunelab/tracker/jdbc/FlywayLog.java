package io.tunelab.tracker.jdbc;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway's log, as the tracker's migrations use it ({@link Migrations}): to SLF4J, whatever binding the application has,
 * with Flyway's progress (info, notice) at debug level and its recommendation to upgrade Flyway for a newer database
 * version than it was tested with (H2 2.3.232) at debug level too, so that opening a tracker from a library user's
 * program prints nothing; other warnings and errors keep their level. Flyway instantiates it by name; not for other use.
 */
public final class FlywayLog implements LogCreator {
    /** How Flyway's version check begins its recommendation, which the tracker's tested versions make moot. */
    static final String UPGRADE_RECOMMENDED = "Flyway upgrade recommended";

    @Override
    public Log createLogger(Class<?> clazz) {
        return over(LoggerFactory.getLogger(clazz));
    }

    /** Flyway's log written to {@code logger}. */
    static Log over(Logger logger) {
        return new Log() {
            @Override
            public boolean isDebugEnabled() {
                return logger.isDebugEnabled();
            }

            @Override
            public void debug(String message) {
                logger.debug(message);
            }

            @Override
            public void info(String message) {
                logger.debug(message);
            }

            @Override
            public void warn(String message) {
                if (message != null && message.startsWith(UPGRADE_RECOMMENDED)) {
                    logger.debug(message);
                } else {
                    logger.warn(message);
                }
            }

            @Override
            public void error(String message) {
                logger.error(message);
            }

            @Override
            public void error(String message, Exception e) {
                logger.error(message, e);
            }

            @Override
            public void notice(String message) {
                logger.debug(message);
            }
        };
    }
}
