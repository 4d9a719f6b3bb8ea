package io.tunelab.tracker.jdbc;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.storage.TrialStorageContract;
import io.tunelab.tracker.artifact.LocalArtifactRepository;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.config.StorageOptions;

/** The H2 tracking store, as an embedded file database, passes the storage contract. */
class H2StorageTest extends TrialStorageContract {
    @Override
    protected TrialStorage newStorage() {
        Database db = Database.open(DatabaseSettings.embedded(tmp.resolve("db")));
        return new JdbcTrialStorage(db, true, new LocalArtifactRepository(tmp.resolve("artifacts")),
                StorageOptions.defaults());
    }
}
