package io.tunelab.tracker.jdbc;

import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.pg.PostgresServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The maintained study aggregates on PostgreSQL (a throw-away server on loopback), where concurrent
 * writers really run at once; skipped with a message where PostgreSQL is not installed.
 */
class PostgresMaintainedAggregatesIT extends MaintainedAggregatesContract {
    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    @Override
    protected Database newDatabase() throws Exception {
        return Database.open(new DatabaseSettings(PG.newDatabase("aggregates"), "postgres", "", 6));
    }
}
