package io.tunelab.tracker.jdbc;

import io.tunelab.search.trial.MetricPoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one batch of points inside the caller's transaction: finds or creates each series row
 * (locking it), inserts the points with one JDBC batch, and updates each series' summary (count,
 * latest point, finite min and max). Used only by the writer thread.
 */
final class SeriesBatchWriter {
    private static final String INSERT_POINTS = "INSERT INTO metric_points (series_id, step, point_value, value_marker,"
            + " wall_ns) VALUES ";
    private static final int ROWS_PER_INSERT = 100;

    private record Key(long trialId, String name) {
    }

    /** A point and the series row it goes to. */
    private record Row(long seriesId, MetricPoint point) {
    }

    /** A series row's summary columns, updated in memory, then written back. */
    private static final class Summary {
        long seriesId;
        long count;
        Long lastStep;
        double lastValue;
        long lastWall;
        Double min;
        Double max;

        void add(MetricPoint p) {
            count++;
            if (lastStep == null || p.step() >= lastStep) {
                lastStep = p.step();
                lastValue = p.value();
                lastWall = Times.toNanos(p.wallTime());
            }
            double v = p.value();
            if (Double.isFinite(v)) {
                min = min == null ? v : Math.min(min, v);
                max = max == null ? v : Math.max(max, v);
            }
        }
    }

    void write(Connection c, List<MetricWriter.TrialPoints> batch) throws SQLException {
        Map<Key, List<MetricPoint>> grouped = new LinkedHashMap<>();
        for (MetricWriter.TrialPoints t : batch) {
            for (MetricPoint p : t.points()) {
                grouped.computeIfAbsent(new Key(t.trialId(), p.name()), k -> new ArrayList<>()).add(p);
            }
        }
        List<Summary> summaries = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Key, List<MetricPoint>> e : grouped.entrySet()) {
            Summary s = lockSeries(c, e.getKey());
            summaries.add(s);
            for (MetricPoint p : e.getValue()) {
                s.add(p);
                rows.add(new Row(s.seriesId, p));
            }
        }
        insertPoints(c, rows);
        try (PreparedStatement update = c.prepareStatement("UPDATE metric_series SET point_count = ?, last_step = ?,"
                + " last_value = ?, last_marker = ?, last_wall_ns = ?, min_value = ?, max_value = ? WHERE series_id = ?")) {
            for (Summary s : summaries) {
                update.setLong(1, s.count);
                update.setLong(2, s.lastStep);
                SqlDoubles.bind(update, 3, 4, s.lastValue);
                update.setLong(5, s.lastWall);
                setNullable(update, 6, s.min);
                setNullable(update, 7, s.max);
                update.setLong(8, s.seriesId);
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    /** Inserts rows with multi-row statements of {@value #ROWS_PER_INSERT} rows (far fewer executions than one per row). */
    private static void insertPoints(Connection c, List<Row> rows) throws SQLException {
        int full = rows.size() / ROWS_PER_INSERT;
        if (full > 0) {
            try (PreparedStatement ps = c.prepareStatement(insertSql(ROWS_PER_INSERT))) {
                for (int chunk = 0; chunk < full; chunk++) {
                    bindRows(ps, rows, chunk * ROWS_PER_INSERT, ROWS_PER_INSERT);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        int rest = rows.size() - full * ROWS_PER_INSERT;
        if (rest > 0) {
            try (PreparedStatement ps = c.prepareStatement(insertSql(rest))) {
                bindRows(ps, rows, full * ROWS_PER_INSERT, rest);
                ps.executeUpdate();
            }
        }
    }

    private static String insertSql(int rows) {
        return INSERT_POINTS + "(?, ?, ?, ?, ?), ".repeat(rows - 1) + "(?, ?, ?, ?, ?)";
    }

    private static void bindRows(PreparedStatement ps, List<Row> rows, int from, int count) throws SQLException {
        for (int i = 0; i < count; i++) {
            MetricPoint p = rows.get(from + i).point();
            int base = i * 5;
            ps.setLong(base + 1, rows.get(from + i).seriesId());
            ps.setLong(base + 2, p.step());
            SqlDoubles.bind(ps, base + 3, base + 4, p.value());
            ps.setLong(base + 5, Times.toNanos(p.wallTime()));
        }
    }

    private static void setNullable(PreparedStatement ps, int index, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, v);
        }
    }

    private static Summary lockSeries(Connection c, Key key) throws SQLException {
        String select = "SELECT series_id, point_count, last_step, last_value, last_marker, last_wall_ns, min_value,"
                + " max_value FROM metric_series WHERE trial_id = ? AND metric_name = ? FOR UPDATE";
        for (int attempt = 0; attempt < 2; attempt++) {
            try (PreparedStatement ps = c.prepareStatement(select)) {
                ps.setLong(1, key.trialId());
                ps.setString(2, key.name());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        Summary s = new Summary();
                        s.seriesId = rs.getLong(1);
                        s.count = rs.getLong(2);
                        long step = rs.getLong(3);
                        s.lastStep = rs.wasNull() ? null : step;
                        s.lastValue = SqlDoubles.read(rs, 4, 5);
                        s.lastWall = rs.getLong(6);
                        s.min = SqlDoubles.readNullable(rs, 7);
                        s.max = SqlDoubles.readNullable(rs, 8);
                        return s;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO metric_series (trial_id, metric_name, point_count) VALUES (?, ?, 0)")) {
                ps.setLong(1, key.trialId());
                ps.setString(2, key.name());
                ps.executeUpdate();
            }
        }
        throw new SQLException("metric series " + key + " vanished right after it was created", "40001");
    }
}
