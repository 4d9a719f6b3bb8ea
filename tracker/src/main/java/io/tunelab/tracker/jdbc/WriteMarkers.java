package io.tunelab.tracker.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells whether a durable write made through another process's {@link LocalShare} reached the file, after the holder
 * ended between the commit and the {@code CHECKPOINT} that forces it there (a {@code kill -9}): the commit was
 * acknowledged from the holder's memory, and the file's next holder has it only if the holder wrote it in the
 * background first. Each such write inserts a unique marker ({@link #write}) in its own transaction; when the
 * checkpoint fails, {@link Database} looks the marker up on the next holder ({@link #holds}): there, the write is in
 * the file and only the checkpoint is retried; missing, the write was lost and runs again. A marker is deleted once
 * its checkpoint succeeded ({@link #forget}); those a killed process left behind are deleted a day later by the first
 * durable write of a process that joined a share. Thread-safe.
 */
final class WriteMarkers {
    /** How old a marker left behind is when it is deleted: far beyond any outage a write waits out. */
    static final Duration LEFT_BEHIND = Duration.ofDays(1);

    private final AtomicBoolean pruned = new AtomicBoolean();

    /** A new marker, unique to one durable write. */
    String next() {
        return UUID.randomUUID().toString();
    }

    /** Inserts {@code marker} in the transaction of {@code c} (and, once per process, deletes markers left behind). */
    void write(Connection c, String marker) throws SQLException {
        long now = Times.toNanos(Instant.now());
        if (pruned.compareAndSet(false, true)) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM durable_write_markers WHERE written_ns < ?")) {
                ps.setLong(1, now - LEFT_BEHIND.toNanos());
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO durable_write_markers (marker, written_ns) VALUES (?, ?)")) {
            ps.setString(1, marker);
            ps.setLong(2, now);
            ps.executeUpdate();
        }
    }

    /** Whether the transaction that wrote {@code marker} is committed in the database {@code c} reaches. */
    boolean holds(Connection c, String marker) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM durable_write_markers WHERE marker = ?")) {
            ps.setString(1, marker);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Deletes {@code marker}, whose write is on disk, and commits (without forcing: a deletion lost with its holder leaves
     * a marker behind, which is harmless). A failure leaves the marker behind too, and is not reported: the write is saved.
     */
    void forget(Connection c, String marker) {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM durable_write_markers WHERE marker = ?")) {
            ps.setString(1, marker);
            ps.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            Database.Log.LOG.debug("Could not delete the marker of a durable write: {}", e.getMessage());
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is broken; the pool discards it
            }
        }
    }
}
