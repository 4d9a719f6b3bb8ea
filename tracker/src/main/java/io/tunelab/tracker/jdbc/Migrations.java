package io.tunelab.tracker.jdbc;

import io.tunelab.tracker.TrackerException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The tracker's schema: numbered Flyway migrations under {@code io/tunelab/tracker/migration}, the
 * same files for H2 and PostgreSQL, and version 3 in Java ({@link ChunkedPointsMigration}, which
 * re-encodes data). Migrating is idempotent and safe to run from every process that
 * opens the database; Flyway serialises concurrent migrators with a lock on its history table.
 */
final class Migrations {
    /** Where the migration scripts live on the class path. */
    static final String LOCATION = "classpath:io/tunelab/tracker/migration";

    private Migrations() {
    }

    /** Brings the schema to the newest version; returns the version reached. */
    static String migrate(DataSource dataSource) {
        return migrate(dataSource, null);
    }

    /**
     * Brings the schema up to {@code target} (e.g. {@code "1"}), or to the newest version when null.
     * Throws UNAVAILABLE naming the failing migration.
     */
    static String migrate(DataSource dataSource, String target) {
        try {
            var config = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .javaMigrations(new ChunkedPointsMigration(), new AggregatesBackfill())
                    .failOnMissingLocations(true);
            if (target != null) {
                config = config.target(MigrationVersion.fromVersion(target));
            }
            Flyway flyway = config.load();
            flyway.migrate();
            var current = flyway.info().current();
            return current == null ? "0" : current.getVersion().getVersion();
        } catch (FlywayException e) {
            throw TrackerException.unavailable("cannot migrate the tracker schema: " + e.getMessage(), e);
        }
    }
}
