package io.tunelab.tracker.jdbc;

import io.tunelab.search.trial.MetricPoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one batch of points inside the caller's transaction: finds or creates each series row
 * ({@link SeriesRows}), inserts each series' points as {@link PointChunk} rows with one JDBC batch,
 * and merges each series' summary (count, latest point, finite min and max) with another. Used only
 * by the writer thread; {@link #committed()} must follow every write whose transaction committed.
 */
final class SeriesBatchWriter {
    private static final String INSERT_CHUNK = "INSERT INTO metric_chunks (series_id, point_count, min_step, max_step,"
        + " payload) VALUES (?, ?, ?, ?, ?)";

    private final IngestTimer timer;
    private final SeriesRows series = new SeriesRows();

    SeriesBatchWriter(IngestTimer timer) {
        this.timer = timer;
    }

    /**
     * Writes the batch in {@code c}'s transaction (the caller commits) and returns the nanoseconds
     * spent, so the caller can tell its commit apart. May be called again for the same batch when the
     * transaction is retried: a batch whose id is already recorded was committed by an earlier attempt
     * and is not written again.
     */
    long write(Connection c, String batchId, List<MetricWriter.TrialPoints> batch) throws SQLException {
        long began = System.nanoTime();
        series.beginWrite();
        if (!claim(c, batchId)) {
            return System.nanoTime() - began;
        }
        Map<SeriesRows.Key, List<MetricPoint>> grouped = new LinkedHashMap<>();
        for (MetricWriter.TrialPoints t : batch) {
            for (MetricPoint p : t.points()) {
                grouped.computeIfAbsent(new SeriesRows.Key(t.trialId(), p.name()), k -> new ArrayList<>()).add(p);
            }
        }
        long grouping = System.nanoTime();
        timer.batching(grouping - began);
        Map<Long, List<MetricPoint>> bySeries = new LinkedHashMap<>();
        for (Map.Entry<SeriesRows.Key, List<MetricPoint>> e : grouped.entrySet()) {
            bySeries.put(series.idOf(c, e.getKey()), e.getValue());
        }
        long found = System.nanoTime();
        timer.series(found - grouping);
        insertChunks(c, bySeries);
        long inserted = System.nanoTime();
        timer.insert(inserted - found);
        series.mergeSummaries(c, bySeries);
        long done = System.nanoTime();
        timer.summary(done - inserted);
        return done - began;
    }

    /** Records the batch id in this transaction; false when an earlier attempt already committed it. */
    private static boolean claim(Connection c, String batchId) throws SQLException {
        try (PreparedStatement seen = c.prepareStatement("SELECT 1 FROM metric_batches WHERE batch_id = ?")) {
            seen.setString(1, batchId);
            try (ResultSet rs = seen.executeQuery()) {
                if (rs.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement record = c.prepareStatement("INSERT INTO metric_batches (batch_id) VALUES (?)")) {
            record.setString(1, batchId);
            record.executeUpdate();
        }
        return true;
    }

    /** The last write's transaction committed. */
    void committed() {
        series.writeCommitted();
    }

    /**
     * Inserts each series' points as chunk rows of at most {@value PointChunk#MAX_POINTS} points, in one
     * JDBC batch: a few rows per series instead of one per point.
     */
    private static void insertChunks(Connection c, Map<Long, List<MetricPoint>> bySeries) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT_CHUNK)) {
            for (Map.Entry<Long, List<MetricPoint>> e : bySeries.entrySet()) {
                List<MetricPoint> points = e.getValue();
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
                    ps.setLong(1, e.getKey());
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
}
