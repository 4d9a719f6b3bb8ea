package io.tunelab.tracker.jdbc;

import io.tunelab.tracker.TrackerException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * The tracker's schema: numbered Flyway migrations under {@code io/tunelab/tracker/migration}, the
 * same files for H2 and PostgreSQL, and version 3 in Java ({@link ChunkedPointsMigration}, which
 * re-encodes data). Migrating is idempotent and safe to run from every process that
 * opens the database; Flyway serialises concurrent migrators with a lock on its history table.
 */
final class Migrations {
    /** Where the migration scripts live on the class path. */
    static final String LOCATION = "classpath:io/tunelab/tracker/migration";

    /**
     * The newest schema version. A database already there opens without Flyway, whose class-path scan and
     * validation cost about a second and a half of every command's start-up (issue 17: {@code tunelab
     * studies} in 0.5 s); {@code MigrationsTest} checks this equals the newest migration Flyway finds.
     */
    static final String NEWEST = "9";

    private Migrations() {
    }

    /** The newest successfully applied version in Flyway's history table, or null when there is none or no table. */
    static String applied(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT \"version\" FROM \"flyway_schema_history\" WHERE"
                    + " \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC FETCH FIRST 1 ROWS ONLY");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            return null;
        }
    }

    /** Flyway configured for the tracker's migrations of {@code dataSource}, logging through {@link FlywayLog}. */
    static FluentConfiguration configuration(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations(LOCATION)
                .javaMigrations(new ChunkedPointsMigration(), new AggregatesBackfill())
                .failOnMissingLocations(true)
                .loggers(FlywayLog.class.getName());
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
        if (target == null && NEWEST.equals(applied(dataSource))) {
            return NEWEST;
        }
        try {
            var config = configuration(dataSource);
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
