package io.tunelab.tracker.jdbc;

import io.tunelab.tracker.config.DatabaseSettings;

/** {@link ChangeQueriesContract} on the embedded H2 database. */
class ChangeQueriesTest extends ChangeQueriesContract {
    @Override
    protected Database newDatabase() {
        return Database.open(DatabaseSettings.embedded(tmp.resolve("db")));
    }
}
