package io.tunelab.tracker.pg;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.storage.TrialStorageContract;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same tracking store, migrations and SQL on PostgreSQL (a throw-away server on loopback) pass the
 * storage contract; skipped with a message where PostgreSQL is not installed.
 */
class PostgresStorageIT extends TrialStorageContract {
    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    @Override
    protected TrialStorage newStorage() throws Exception {
        String url = PG.newDatabase("contract");
        return Tracker.openStorage(new TrackerConfig(new DatabaseSettings(url, "postgres", "", 8), tmp.resolve("artifacts"),
                StorageOptions.defaults()));
    }
}
