package io.tunelab.tracker.pg;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.storage.TrialStorageContract;
import io.tunelab.tracker.artifact.LocalArtifactRepository;
import io.tunelab.tracker.db.Database;
import io.tunelab.tracker.db.DatabaseSettings;
import io.tunelab.tracker.store.JdbcTrialStorage;
import io.tunelab.tracker.store.StorageOptions;
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
        Database db = Database.open(new DatabaseSettings(url, "postgres", "", 8));
        return new JdbcTrialStorage(db, true, new LocalArtifactRepository(tmp.resolve("artifacts")),
                StorageOptions.defaults());
    }
}
