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
}
