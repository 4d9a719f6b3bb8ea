package io.tunelab.tracker.pg;

import io.tunelab.tracker.db.Database;
import io.tunelab.tracker.db.DatabaseSettings;
import io.tunelab.tracker.query.ChangeQueriesContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The live viewer's change queries on PostgreSQL (a throw-away server on loopback); skipped with a
 * message where PostgreSQL is not installed.
 */
class PostgresChangeQueriesTest extends ChangeQueriesContract {
    private static LocalPostgres pg;
    private static int databases;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = PostgresAvailability.startOrSkip();
    }

    @AfterAll
    static void stopPostgres() {
        PostgresAvailability.stop(pg);
    }

    @Override
    protected Database newDatabase() throws Exception {
        return Database.open(new DatabaseSettings(pg.createDatabase("changes_" + databases++), "postgres", "", 4));
    }
}
