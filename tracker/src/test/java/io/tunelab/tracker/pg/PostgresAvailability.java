package io.tunelab.tracker.pg;

import org.junit.jupiter.api.Assumptions;

/**
 * PostgreSQL tests run wherever Debian's {@code postgresql} package is installed ({@code .ci/run}
 * installs it) and are skipped, with a message on standard error, only where it is not.
 */
public final class PostgresAvailability {
    private PostgresAvailability() {
    }

    public static void requireOrSkip() {
        if (LocalPostgres.find().isEmpty()) {
            System.err.println("SKIPPED: PostgreSQL is not installed here (apt-get install postgresql); "
                    + "PostgreSQL storage tests did not run.");
        }
        Assumptions.assumeTrue(LocalPostgres.find().isPresent(), "PostgreSQL is not installed");
    }

    /** {@link #requireOrSkip()}, then a started throw-away server. */
    public static LocalPostgres startOrSkip() throws java.io.IOException, InterruptedException {
        requireOrSkip();
        return LocalPostgres.start();
    }

    /** Stops and removes a server started here, if one was. */
    public static void stop(LocalPostgres pg) {
        if (pg != null) {
            pg.close();
        }
    }
}
