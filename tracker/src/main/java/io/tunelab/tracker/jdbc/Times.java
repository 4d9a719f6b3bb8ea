package io.tunelab.tracker.jdbc;

import io.tunelab.tracker.TrackerException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/**
 * Instants stored as nanoseconds since the epoch in a BIGINT column: exact (no rounding to the
 * database's timestamp precision), portable and cheap to compare for cursors. Covers 1677 to 2262.
 */
final class Times {
    private Times() {
    }

    /** Nanoseconds since the epoch; INVALID outside the representable range. */
    static long toNanos(Instant t) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (ArithmeticException e) {
            throw TrackerException.invalid("time " + t + " is outside the storable range 1677..2262");
        }
    }

    static Instant fromNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }

    /** A nullable nanosecond column as an instant, or null. */
    static Instant read(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : fromNanos(v);
    }

    /** Binds a nullable instant. */
    static void bind(PreparedStatement ps, int index, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, toNanos(t));
        }
    }
}
