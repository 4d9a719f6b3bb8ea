package io.tunelab.tracker.pg;

import java.io.IOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throw-away PostgreSQL server on loopback for one test class: register it as a static
 * {@code @RegisterExtension} field; it starts before the class's tests (skipping them, with a message,
 * where PostgreSQL is not installed) and is stopped and removed after them.
 */
public final class PostgresServer implements BeforeAllCallback, AfterAllCallback {
    private LocalPostgres pg;
    private int databases;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        pg = PostgresAvailability.startOrSkip();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        PostgresAvailability.stop(pg);
        pg = null;
    }

    /** Creates a new database named {@code prefix_N} (N counts up) and returns its JDBC URL. */
    public synchronized String newDatabase(String prefix) throws IOException, InterruptedException {
        return createDatabase(prefix + "_" + databases++);
    }

    /** Creates the database {@code name} and returns its JDBC URL. */
    public synchronized String createDatabase(String name) throws IOException, InterruptedException {
        if (pg == null) {
            throw new IllegalStateException("the PostgreSQL server is not running: register PostgresServer as a"
                    + " static @RegisterExtension field");
        }
        return pg.createDatabase(name);
    }
}
