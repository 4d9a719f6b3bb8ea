package io.tunelab.tracker.jdbc;

import io.tunelab.tracker.config.DatabaseSettings;

/** {@link MaintainedAggregatesContract} on the embedded H2 database. */
class MaintainedAggregatesTest extends MaintainedAggregatesContract {
    @Override
    protected Database newDatabase() {
        return Database.open(DatabaseSettings.embedded(tmp.resolve("db")));
    }
}
