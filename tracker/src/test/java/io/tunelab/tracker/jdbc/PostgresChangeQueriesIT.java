package io.tunelab.tracker.jdbc;

import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.pg.PostgresServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The live viewer's change queries on PostgreSQL (a throw-away server on loopback); skipped with a
 * message where PostgreSQL is not installed.
 */
class PostgresChangeQueriesIT extends ChangeQueriesContract {
    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    @Override
    protected Database newDatabase() throws Exception {
        return Database.open(new DatabaseSettings(PG.newDatabase("changes"), "postgres", "", 4));
    }
}
