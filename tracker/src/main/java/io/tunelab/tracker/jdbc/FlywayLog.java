package io.tunelab.tracker.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway's log, as the tracker's migrations use it ({@link Migrations}): to SLF4J, whatever binding the application has,
 * with Flyway's progress (info, notice) at debug level and its recommendation to upgrade Flyway for a newer database
 * version than it was tested with (H2 2.3.232) at debug level too, so that opening a tracker from a library user's
 * program prints nothing; other warnings and errors keep their level, except while a tracker opens ({@link #retried}):
 * a migration that fails there is retried (a database restarting, a shared database handed over between processes),
 * and the errors Flyway logs about an attempt that was retried are no errors of the open. Flyway instantiates it by
 * name; not for other use.
 */
public final class FlywayLog implements LogCreator {
    /** How Flyway's version check begins its recommendation, which the tracker's tested versions make moot. */
    static final String UPGRADE_RECOMMENDED = "Flyway upgrade recommended";

    /** An error Flyway logged while a tracker opened, held until the open ends. */
    private record Held(Logger logger, String message, Exception cause) {
        void logAsError() {
            if (cause == null) {
                logger.error(message);
            } else {
                logger.error(message, cause);
            }
        }
    }

    /** The errors held on this thread while {@link #retried} runs there; null when it does not. */
    private static final ThreadLocal<List<Held>> HELD = new ThreadLocal<>();

    /**
     * Runs {@code open}, which migrates the database and retries a migration that failed (as {@code Database.open}
     * retries an open), holding the errors Flyway logs on this thread meanwhile. When {@code open} returns, they were
     * about attempts that were retried: the first is logged once at info, saying so, with how many there were. When it
     * throws, they are logged at error as Flyway logged them. Reentrant: an inner call leaves them to the outer one.
     */
    static <T> T retried(Supplier<T> open) {
        if (HELD.get() != null) {
            return open.get();
        }
        List<Held> held = new ArrayList<>();
        HELD.set(held);
        T opened;
        try {
            opened = open.get();
        } catch (RuntimeException | Error e) {
            HELD.remove();
            held.forEach(Held::logAsError);
            throw e;
        }
        HELD.remove();
        if (!held.isEmpty()) {
            Held first = held.get(0);
            first.logger().info("A migration of the tracker schema failed and was retried successfully; Flyway logged {}"
                    + " error(s) about it, the first: {}{}", held.size(), first.message(),
                    first.cause() == null ? "" : " (" + first.cause() + ")");
        }
        return opened;
    }

    /** Logs Flyway's error now, or holds it while a tracker opens on this thread. */
    private static void error(Logger logger, String message, Exception cause) {
        List<Held> held = HELD.get();
        if (held != null) {
            held.add(new Held(logger, message, cause));
        } else {
            new Held(logger, message, cause).logAsError();
        }
    }

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
                FlywayLog.error(logger, message, null);
            }

            @Override
            public void error(String message, Exception e) {
                FlywayLog.error(logger, message, e);
            }

            @Override
            public void notice(String message) {
                logger.debug(message);
            }
        };
    }
}
