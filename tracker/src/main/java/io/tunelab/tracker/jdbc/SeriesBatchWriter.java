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
 * (locking it), inserts each series' points as {@link PointChunk} rows with one JDBC batch, and
 * updates each series' summary (count, latest point, finite min and max). Used only by the writer thread.
 */
final class SeriesBatchWriter {
    private static final String INSERT_CHUNK = "INSERT INTO metric_chunks (series_id, point_count, min_step, max_step,"
        + " payload) VALUES (?, ?, ?, ?, ?)";

    private static final String LOCK_SERIES = "SELECT series_id, point_count, last_step, last_value, last_marker,"
            + " last_wall_ns, min_value, max_value FROM metric_series WHERE trial_id = ? AND metric_name = ? FOR UPDATE";
    private static final String CREATE_SERIES = "INSERT INTO metric_series (trial_id, metric_name, point_count)"
            + " VALUES (?, ?, 0)";

    private record Key(long trialId, String name) {
    }

    /** The points of one series in this batch, in writing order. */
    private record SeriesPoints(long seriesId, List<MetricPoint> points) {
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

    private final IngestTimer timer;

    SeriesBatchWriter(IngestTimer timer) {
        this.timer = timer;
    }

    /**
     * Writes the batch in {@code c}'s transaction (the caller commits) and returns the nanoseconds
     * spent, so the caller can tell its commit apart.
     */
    long write(Connection c, List<MetricWriter.TrialPoints> batch) throws SQLException {
        long began = System.nanoTime();
        Map<Key, List<MetricPoint>> grouped = new LinkedHashMap<>();
        for (MetricWriter.TrialPoints t : batch) {
            for (MetricPoint p : t.points()) {
                grouped.computeIfAbsent(new Key(t.trialId(), p.name()), k -> new ArrayList<>()).add(p);
            }
        }
        long grouping = System.nanoTime();
        timer.batching(grouping - began);
        List<Summary> summaries = new ArrayList<>();
        List<SeriesPoints> rows = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(LOCK_SERIES);
             PreparedStatement insert = c.prepareStatement(CREATE_SERIES)) {
            for (Map.Entry<Key, List<MetricPoint>> e : grouped.entrySet()) {
                Summary s = lockSeries(select, insert, e.getKey());
                summaries.add(s);
                for (MetricPoint p : e.getValue()) {
                    s.add(p);
                }
                rows.add(new SeriesPoints(s.seriesId, e.getValue()));
            }
        }
        long locked = System.nanoTime();
        timer.series(locked - grouping);
        insertChunks(c, rows);
        long inserted = System.nanoTime();
        timer.insert(inserted - locked);
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
        long done = System.nanoTime();
        timer.summary(done - inserted);
        return done - began;
    }

    /**
     * Inserts each series' points as chunk rows of at most {@value PointChunk#MAX_POINTS} points, in one
     * JDBC batch: a few rows per series instead of one per point.
     */
    private static void insertChunks(Connection c, List<SeriesPoints> series) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_CHUNK)) {
            for (SeriesPoints sp : series) {
                List<MetricPoint> points = sp.points();
                for (int from = 0; from < points.size(); from += PointChunk.MAX_POINTS) {
                    int to = Math.min(points.size(), from + PointChunk.MAX_POINTS);
                    PointChunk chunk = PointChunk.withCapacity(to - from);
                    long minStep = Long.MAX_VALUE;
                    long maxStep = Long.MIN_VALUE;
                    for (MetricPoint p : points.subList(from, to)) {
                        chunk.add(p.step(), p.value(), Times.toNanos(p.wallTime()));
                        minStep = Math.min(minStep, p.step());
                        maxStep = Math.max(maxStep, p.step());
                    }
                    ps.setLong(1, sp.seriesId());
                    ps.setInt(2, to - from);
                    ps.setLong(3, minStep);
                    ps.setLong(4, maxStep);
                    ps.setBytes(5, chunk.bytes());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void setNullable(PreparedStatement ps, int index, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, v);
        }
    }

    /** The series row of {@code key}, locked, created first if it does not exist (statements reused per batch). */
    private static Summary lockSeries(PreparedStatement select, PreparedStatement insert, Key key) throws SQLException {
        for (int attempt = 0; attempt < 2; attempt++) {
            select.setLong(1, key.trialId());
            select.setString(2, key.name());
            try (ResultSet rs = select.executeQuery()) {
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
            insert.setLong(1, key.trialId());
            insert.setString(2, key.name());
            insert.executeUpdate();
        }
        throw new SQLException("metric series " + key + " vanished right after it was created", "40001");
    }
}
