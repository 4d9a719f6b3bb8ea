package io.tunelab.tracker.query;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.tracker.db.Database;
import io.tunelab.tracker.store.TrialHead;
import io.tunelab.tracker.store.TrialLoader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The indexed reads behind a live change feed, so a viewer of a 100,000-trial study asks the database
 * only for what moved:
 * <ul>
 *   <li>{@link #counters()}: each study's change counter (one row per study), to skip idle studies;</li>
 *   <li>{@link #changedHeads}: trial rows whose {@code change_seq} passed a cursor (index
 *       {@code trials_by_change}): created, claimed or finished trials;</li>
 *   <li>{@link #activity}: for running trials, how many parameters, intermediate values and attributes
 *       they hold, since those writes do not move the change counter (they lock only the trial row);</li>
 *   <li>{@link #grownSince}: series that received points with a {@code point_id} above a cursor (a
 *       range of the primary key), with their summary row.</li>
 * </ul>
 * Point ids grow in commit order within one writer; writers in several processes may commit ids out
 * of order, so a reader should re-scan a short window behind its cursor. Thread-safe; each method is
 * one read transaction.
 */
public final class ChangeQueries {
    private static final int CHUNK = 500;
    private static final String ACTIVITY = "SELECT t.trial_id, t.study_id, t.trial_number,"
            + " (SELECT COUNT(*) FROM trial_params p WHERE p.trial_id = t.trial_id),"
            + " (SELECT COUNT(*) FROM trial_intermediate i WHERE i.trial_id = t.trial_id),"
            + " (SELECT COUNT(*) FROM trial_attrs a WHERE a.trial_id = t.trial_id)"
            + " FROM trials t WHERE t.trial_state = 'RUNNING' AND ";

    private final Database db;
    private final TrialLoader loader = new TrialLoader();

    public ChangeQueries(Database db) {
        this.db = db;
    }

    /**
     * What a running trial holds, counted: a change in any count means the trial changed.
     * (An intermediate value reported again for the same step is not counted as a change.)
     */
    public record TrialActivity(long trialId, long studyId, int number, int params, int intermediates, int attrs) {
    }

    /**
     * A series that received points after a point cursor.
     *
     * @param lastPointId the highest point id of the series seen by the query (a cursor)
     * @param count       the series' number of points now
     * @param lastStep    its highest step now
     */
    public record SeriesGrowth(long seriesId, long trialId, long studyId, int number, String name, long count,
                               long lastStep, long lastPointId) {
    }

    /** Each study's change counter, by study id. */
    public Map<Long, Long> counters() {
        return db.read(c -> {
            Map<Long, Long> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT study_id, change_seq FROM studies ORDER BY study_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /** Rows (no child rows) of the study's trials whose change counter is above {@code cursor}, by number. */
    public List<TrialHead> changedHeads(long studyId, long cursor) {
        return db.read(c -> loader.heads(c, "study_id = ? AND change_seq > ?", ps -> {
            ps.setLong(1, studyId);
            ps.setLong(2, cursor);
        }));
    }

    /** Activity of the study's RUNNING trials (index {@code trials_by_state}). */
    public List<TrialActivity> activity(long studyId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(ACTIVITY + "t.study_id = ?")) {
                ps.setLong(1, studyId);
                return activity(ps, new ArrayList<>());
            }
        });
    }

    /** Activity of those of the given trials that are still RUNNING, in any order. */
    public List<TrialActivity> activity(Collection<Long> trialIds) {
        List<Long> ids = List.copyOf(trialIds);
        return db.read(c -> {
            List<TrialActivity> out = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                try (PreparedStatement ps = c.prepareStatement(ACTIVITY + "t.trial_id IN (" + marks(chunk.size()) + ")")) {
                    bind(ps, chunk);
                    activity(ps, out);
                }
            }
            return out;
        });
    }

    private static List<TrialActivity> activity(PreparedStatement ps, List<TrialActivity> out) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new TrialActivity(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6)));
            }
        }
        return out;
    }

    /** Snapshots of the given trials of one study, by number; ids of other studies or of no trial are skipped. */
    public List<FrozenTrial> trials(long studyId, Collection<Long> trialIds) {
        List<Long> ids = List.copyOf(trialIds);
        return db.read(c -> {
            List<TrialHead> heads = new ArrayList<>();
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                heads.addAll(loader.heads(c, "study_id = ? AND trial_id IN (" + marks(chunk.size()) + ")", ps -> {
                    ps.setLong(1, studyId);
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setLong(i + 2, chunk.get(i));
                    }
                }));
            }
            return loader.loadAll(c, studyId, heads);
        });
    }

    /** The highest point id written so far (0 when there is none): where a new reader starts. */
    public long lastPointId() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(point_id) FROM metric_points");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Every series that has a point with an id above {@code afterPointId}, with its summary now. */
    public List<SeriesGrowth> grownSince(long afterPointId) {
        return db.read(c -> grown(c, afterPointId));
    }

    private static List<SeriesGrowth> grown(Connection c, long after) throws SQLException {
        List<SeriesGrowth> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT s.series_id, s.trial_id, t.study_id, t.trial_number,"
                + " s.metric_name, s.point_count, s.last_step, g.top FROM (SELECT series_id, MAX(point_id) AS top"
                + " FROM metric_points WHERE point_id > ? GROUP BY series_id) g"
                + " JOIN metric_series s ON s.series_id = g.series_id JOIN trials t ON t.trial_id = s.trial_id")) {
            ps.setLong(1, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new SeriesGrowth(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8)));
                }
            }
        }
        return out;
    }

    private static String marks(int n) {
        return "?,".repeat(n - 1) + "?";
    }

    private static void bind(PreparedStatement ps, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            ps.setLong(i + 1, ids.get(i));
        }
    }
}
