package io.tunelab.tracker.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Stores doubles exactly in two columns, because SQL has no portable NaN, infinity or negative zero:
 * a value column holding the number (NULL when it is not finite) and a marker column holding
 * {@code NaN}, {@code +Inf}, {@code -Inf}, {@code -0} or NULL. SQL aggregates over the value column
 * therefore see only finite numbers.
 */
final class SqlDoubles {
    private SqlDoubles() {
    }

    /** The marker for a value, or null for an ordinary finite number. */
    static String marker(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        return v == 0.0 && Double.doubleToRawLongBits(v) != 0L ? "-0" : null;
    }

    /** Binds {@code v} to the value parameter and its marker to the marker parameter. */
    static void bind(PreparedStatement ps, int valueIndex, int markerIndex, double v) throws SQLException {
        String marker = marker(v);
        if (Double.isFinite(v)) {
            ps.setDouble(valueIndex, v);
        } else {
            ps.setNull(valueIndex, Types.DOUBLE);
        }
        if (marker == null) {
            ps.setNull(markerIndex, Types.VARCHAR);
        } else {
            ps.setString(markerIndex, marker);
        }
    }

    /** Reads a value written by {@link #bind}. */
    static double read(ResultSet rs, int valueColumn, int markerColumn) throws SQLException {
        String marker = rs.getString(markerColumn);
        if (marker == null) {
            return rs.getDouble(valueColumn);
        }
        return decode(marker, rs.getDouble(valueColumn));
    }

    static double decode(String marker, double stored) {
        return switch (marker) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "-0" -> -0.0;
            default -> stored;
        };
    }

    /** A nullable double column (NULL stays null), for summaries. */
    static Double readNullable(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }
}
