package io.tunelab.tracker.jdbc;

import io.tunelab.search.trial.MetricPoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code metric_series} rows of the metric writer: the id of each (trial, name) series, created on
 * first use and remembered once committed, and the summary columns (count, latest point, finite min
 * and max) merged in the database by one batched {@code UPDATE} per write, so a batch costs one round
 * trip for all its series instead of a locked read and a write per series. Used by the writer thread
 * only; not thread-safe.
 */
final class SeriesRows {
    private static final int REMEMBERED = 100_000;
    private static final String FIND = "SELECT series_id FROM metric_series WHERE trial_id = ? AND metric_name = ?";
    private static final String CREATE = "INSERT INTO metric_series (trial_id, metric_name, point_count) VALUES (?, ?, 0)";
    private static final String LATER = "last_step IS NULL OR last_step <= ?";
    private static final String MERGE = "UPDATE metric_series SET point_count = point_count + ?,"
            + " last_value = CASE WHEN " + LATER + " THEN ? ELSE last_value END,"
            + " last_marker = CASE WHEN " + LATER + " THEN ? ELSE last_marker END,"
            + " last_wall_ns = CASE WHEN " + LATER + " THEN ? ELSE last_wall_ns END,"
            + " last_step = CASE WHEN " + LATER + " THEN ? ELSE last_step END,"
            + " min_value = COALESCE(LEAST(min_value, ?), min_value, ?),"
            + " max_value = COALESCE(GREATEST(max_value, ?), max_value, ?)"
            + " WHERE series_id = ?";

    /** A series of a trial. */
    record Key(long trialId, String name) {
    }

    private final Map<Key, Long> committed = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Long> eldest) {
            return size() > REMEMBERED;
        }
    };
    private final Map<Key, Long> createdInThisWrite = new HashMap<>();

    /** Forgets ids created by an earlier, rolled-back attempt; call at the start of every write. */
    void beginWrite() {
        createdInThisWrite.clear();
    }

    /** The write committed: the series it created are remembered. */
    void writeCommitted() {
        committed.putAll(createdInThisWrite);
        createdInThisWrite.clear();
    }

    /** The series id of {@code key}, creating the row in {@code c}'s transaction when it does not exist. */
    long idOf(Connection c, Key key) throws SQLException {
        Long id = committed.get(key);
        if (id == null) {
            id = createdInThisWrite.get(key);
        }
        if (id != null) {
            return id;
        }
        try (PreparedStatement find = c.prepareStatement(FIND)) {
            find.setLong(1, key.trialId());
            find.setString(2, key.name());
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    committed.put(key, rs.getLong(1));
                    return rs.getLong(1);
                }
            }
        }
        try (PreparedStatement create = c.prepareStatement(CREATE, new String[] {"series_id"})) {
            create.setLong(1, key.trialId());
            create.setString(2, key.name());
            create.executeUpdate();
            try (ResultSet keys = create.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id came back for the new metric series " + key);
                }
                createdInThisWrite.put(key, keys.getLong(1));
                return keys.getLong(1);
            }
        }
    }

    /** Merges each series' new points into its summary columns, in one JDBC batch. */
    void mergeSummaries(Connection c, Map<Long, List<MetricPoint>> pointsBySeries) throws SQLException {
        try (PreparedStatement merge = c.prepareStatement(MERGE)) {
            for (Map.Entry<Long, List<MetricPoint>> e : pointsBySeries.entrySet()) {
                bindMerge(merge, e.getKey(), e.getValue());
                merge.addBatch();
            }
            merge.executeBatch();
        }
    }

    private static void bindMerge(PreparedStatement merge, long seriesId, List<MetricPoint> points) throws SQLException {
        MetricPoint last = points.get(0);
        Double min = null;
        Double max = null;
        for (MetricPoint p : points) {
            if (p.step() >= last.step()) {
                last = p;
            }
            if (Double.isFinite(p.value())) {
                min = min == null ? p.value() : Math.min(min, p.value());
                max = max == null ? p.value() : Math.max(max, p.value());
            }
        }
        merge.setLong(1, points.size());
        merge.setLong(2, last.step());
        SqlDoubles.bind(merge, 3, 5, last.value());
        merge.setLong(4, last.step());
        merge.setLong(6, last.step());
        merge.setLong(7, Times.toNanos(last.wallTime()));
        merge.setLong(8, last.step());
        merge.setLong(9, last.step());
        bindNullable(merge, 10, min);
        bindNullable(merge, 11, min);
        bindNullable(merge, 12, max);
        bindNullable(merge, 13, max);
        merge.setLong(14, seriesId);
    }

    private static void bindNullable(PreparedStatement ps, int index, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, v);
        }
    }
}
