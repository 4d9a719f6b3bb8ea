package io.tunelab.tracker.jdbc;

import io.tunelab.search.trial.MetricPoint;
import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.metrics.Downsampler;
import io.tunelab.tracker.metrics.MetricPage;
import io.tunelab.tracker.metrics.MetricQueries;
import io.tunelab.tracker.metrics.SeriesColumns;
import io.tunelab.tracker.metrics.SeriesSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link MetricQueries} over the {@code metric_series} and {@code metric_chunks} tables (points are
 * stored as {@link PointChunk}s). Sees only what the {@link MetricWriter} has flushed. Thread-safe;
 * every method is one short read transaction. A cursor of {@link #after} is a chunk id times
 * {@value PointChunk#CURSOR_SCALE} plus the number of that chunk's points already returned.
 */
final class JdbcMetricQueries implements MetricQueries {
    private static final Comparator<MetricPoint> STEP_ORDER =
            Comparator.comparingLong(MetricPoint::step).thenComparing(MetricPoint::wallTime);
    private static final String SUMMARY_COLUMNS = "s.trial_id, s.metric_name, s.point_count, s.last_step,"
            + " s.last_value, s.last_marker, s.last_wall_ns, s.min_value, s.max_value";

    private final Database db;

    JdbcMetricQueries(Database db) {
        this.db = db;
    }

    @Override
    public List<String> names(long trialId) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT metric_name FROM metric_series WHERE trial_id = ? ORDER BY metric_name")) {
                ps.setLong(1, trialId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return List.copyOf(out);
        });
    }

    @Override
    public List<MetricPoint> series(long trialId, String name, long fromStep, long toStep) {
        List<MetricPoint> points = db.read(c -> {
            Long series = seriesId(c, trialId, name);
            return series == null ? new ArrayList<MetricPoint>() : readPoints(c, series, name, fromStep, toStep);
        });
        points.sort(STEP_ORDER);
        return List.copyOf(points);
    }

    @Override
    public List<MetricPoint> downsampled(long trialId, String name, int maxPoints, long fromStep, long toStep) {
        if (maxPoints < 2) {
            throw TrackerException.invalid("maxPoints must be at least 2, got " + maxPoints);
        }
        SeriesColumns cols = columns(trialId, name, fromStep, toStep);
        List<MetricPoint> out = new ArrayList<>();
        for (int i : Downsampler.minMax(j -> cols.values()[j], 0, cols.size(), maxPoints)) {
            out.add(new MetricPoint(name, cols.steps()[i], cols.values()[i], Times.fromNanos(cols.walls()[i])));
        }
        return List.copyOf(out);
    }

    @Override
    public SeriesColumns columns(long trialId, String name, long fromStep, long toStep) {
        Columns cols = db.read(c -> {
            Long series = seriesId(c, trialId, name);
            return series == null ? new Columns() : readColumns(c, series, fromStep, toStep);
        });
        return new SeriesColumns(cols.steps, cols.values, cols.walls, cols.size).sortedByStep();
    }

    /** A series read into primitive columns, so downsampling a long series allocates little. */
    private static final class Columns {
        long[] steps = new long[1024];
        double[] values = new double[1024];
        long[] walls = new long[1024];
        int size;

        void add(long step, double value, long wall) {
            if (size == steps.length) {
                steps = Arrays.copyOf(steps, size * 2);
                values = Arrays.copyOf(values, size * 2);
                walls = Arrays.copyOf(walls, size * 2);
            }
            steps[size] = step;
            values[size] = value;
            walls[size] = wall;
            size++;
        }
    }

    private static Columns readColumns(Connection c, long series, long from, long to) throws SQLException {
        Columns cols = new Columns();
        eachPoint(c, series, from, to, cols::add);
        return cols;
    }

    /** Hands every point of the series with a step in [from, to] to {@code sink}, in writing order. */
    private static void eachPoint(Connection c, long series, long from, long to, PointChunk.PointSink sink)
            throws SQLException {
        boolean ranged = from != Long.MIN_VALUE || to != Long.MAX_VALUE;
        try (PreparedStatement ps = c.prepareStatement("SELECT payload FROM metric_chunks WHERE series_id = ?"
                + (ranged ? " AND max_step >= ? AND min_step <= ?" : "") + " ORDER BY chunk_id")) {
            ps.setLong(1, series);
            if (ranged) {
                ps.setLong(2, from);
                ps.setLong(3, to);
            }
            ps.setFetchSize(100);
            PointChunk.PointSink inRange = ranged ? (step, value, wall) -> {
                if (step >= from && step <= to) {
                    sink.accept(step, value, wall);
                }
            } : sink;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PointChunk.decode(rs.getBytes(1), 0, inRange);
                }
            }
        }
    }

    private static Long seriesId(Connection c, long trialId, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT series_id FROM metric_series WHERE trial_id = ? AND metric_name = ?")) {
            ps.setLong(1, trialId);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static List<MetricPoint> readPoints(Connection c, long series, String name, long from, long to)
            throws SQLException {
        List<MetricPoint> out = new ArrayList<>();
        eachPoint(c, series, from, to, (step, value, wall) -> out.add(new MetricPoint(name, step, value, Times.fromNanos(wall))));
        return out;
    }

    @Override
    public MetricPage after(long trialId, long after, int limit) {
        if (limit < 1) {
            throw TrackerException.invalid("limit must be at least 1, got " + limit);
        }
        long firstChunk = Math.max(0, after) / PointChunk.CURSOR_SCALE;
        int returned = (int) (Math.max(0, after) % PointChunk.CURSOR_SCALE);
        return db.read(c -> {
            List<MetricPoint> points = new ArrayList<>();
            long cursor = after;
            boolean more = false;
            try (PreparedStatement ps = c.prepareStatement("SELECT k.chunk_id, s.metric_name, k.payload FROM metric_chunks k"
                    + " JOIN metric_series s ON s.series_id = k.series_id WHERE s.trial_id = ? AND k.chunk_id >= ?"
                    + " ORDER BY k.chunk_id FETCH FIRST ? ROWS ONLY")) {
                ps.setLong(1, trialId);
                ps.setLong(2, firstChunk);
                ps.setInt(3, limit + 2); // a spent first chunk, then up to limit one-point chunks, then one to tell 'more'
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && !more) {
                        long chunk = rs.getLong(1);
                        String name = rs.getString(2);
                        byte[] payload = rs.getBytes(3);
                        int skip = chunk == firstChunk ? returned : 0;
                        int size = PointChunk.count(payload);
                        int take = Math.min(size - skip, limit - points.size());
                        if (take <= 0) {
                            more = size > skip;
                            continue;
                        }
                        PointChunk.decode(payload, skip, (step, value, wall) -> {
                            if (points.size() < limit) {
                                points.add(new MetricPoint(name, step, value, Times.fromNanos(wall)));
                            }
                        });
                        cursor = chunk * PointChunk.CURSOR_SCALE + skip + take;
                        more = skip + take < size;
                    }
                    more = more || rs.next();
                }
            }
            return new MetricPage(points, cursor, more);
        });
    }

    @Override
    public List<SeriesSummary> summaries(long trialId) {
        return db.read(c -> summaries(c, "s.trial_id = ?", trialId, null));
    }

    @Override
    public Map<Long, SeriesSummary> column(long studyId, String name) {
        return db.read(c -> {
            Map<Long, SeriesSummary> out = new LinkedHashMap<>();
            for (SeriesSummary s : summaries(c, "t.study_id = ? AND s.metric_name = ?", studyId, name)) {
                out.put(s.trialId(), s);
            }
            return Collections.unmodifiableMap(out);
        });
    }

    @Override
    public List<String> studyMetricNames(long studyId) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT s.metric_name FROM metric_series s"
                    + " JOIN trials t ON t.trial_id = s.trial_id WHERE t.study_id = ? ORDER BY s.metric_name")) {
                ps.setLong(1, studyId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return List.copyOf(out);
        });
    }

    private static List<SeriesSummary> summaries(Connection c, String where, long id, String name) throws SQLException {
        List<SeriesSummary> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + SUMMARY_COLUMNS + " FROM metric_series s"
                + " JOIN trials t ON t.trial_id = s.trial_id WHERE " + where + " AND s.point_count > 0"
                + " ORDER BY t.trial_number, s.metric_name")) {
            ps.setLong(1, id);
            if (name != null) {
                ps.setString(2, name);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SeriesSummary(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            SqlDoubles.read(rs, 5, 6), Times.fromNanos(rs.getLong(7)),
                            SqlDoubles.readNullable(rs, 8), SqlDoubles.readNullable(rs, 9)));
                }
            }
        }
        return List.copyOf(out);
    }
}
