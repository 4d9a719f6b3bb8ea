package io.tunelab.tracker.query;

import io.tunelab.tracker.db.Database;
import io.tunelab.tracker.db.DatabaseSettings;

/** {@link ChangeQueriesContract} on the embedded H2 database. */
class ChangeQueriesTest extends ChangeQueriesContract {
    @Override
    protected Database newDatabase() {
        return Database.open(DatabaseSettings.embedded(tmp.resolve("db")));
    }
}
