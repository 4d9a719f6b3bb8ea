package io.tunelab.tracker.jdbc;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.tracker.query.ChangeQueries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@link ChangeQueries} over the tables' change counters ({@code studies.change_seq}, index
 * {@code trials_by_change}), the child-row counts of running trials (index {@code trials_by_state}) and
 * the primary key of {@code metric_chunks} (a chunk id is the "point id" of the port). Thread-safe; each method is one read transaction.
 */
final class JdbcChangeQueries implements ChangeQueries {
    private static final int CHUNK = 500;
    private static final String ACTIVITY = "SELECT t.trial_id, t.study_id, t.trial_number,"
            + " (SELECT COUNT(*) FROM trial_params p WHERE p.trial_id = t.trial_id),"
            + " (SELECT COUNT(*) FROM trial_intermediate i WHERE i.trial_id = t.trial_id),"
            + " (SELECT COUNT(*) FROM trial_attrs a WHERE a.trial_id = t.trial_id),"
            + " (SELECT COUNT(*) FROM trial_summaries s WHERE s.trial_id = t.trial_id)"
            + " FROM trials t WHERE t.trial_state = 'RUNNING' AND ";

    private final Database db;
    private final TrialLoader loader = new TrialLoader();

    JdbcChangeQueries(Database db) {
        this.db = db;
    }

    @Override
    public Map<Long, Long> counters() {
        return db.read(c -> Collections.unmodifiableMap(StudyTable.changeSeqs(c)));
    }

    @Override
    public List<ChangedTrial> changedTrials(long studyId, long cursor) {
        List<TrialHead> heads = db.read(c -> loader.heads(c, "study_id = ? AND change_seq > ?", ps -> {
            ps.setLong(1, studyId);
            ps.setLong(2, cursor);
        }));
        return heads.stream().map(h -> new ChangedTrial(h.id(), h.studyId(), h.number(), h.state(), h.changeSeq()))
                .toList();
    }

    @Override
    public List<TrialActivity> activity(long studyId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(ACTIVITY + "t.study_id = ?")) {
                ps.setLong(1, studyId);
                return List.copyOf(activity(ps, new ArrayList<>()));
            }
        });
    }

    @Override
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
            return List.copyOf(out);
        });
    }

    private static List<TrialActivity> activity(PreparedStatement ps, List<TrialActivity> out) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new TrialActivity(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7)));
            }
        }
        return out;
    }

    @Override
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
            return List.copyOf(loader.loadAll(c, studyId, heads));
        });
    }

    @Override
    public long lastPointId() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(chunk_id) FROM metric_chunks");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    @Override
    public List<SeriesGrowth> grownSince(long afterPointId) {
        return db.read(c -> List.copyOf(grown(c, afterPointId)));
    }

    /**
     * Two indexed reads: the series of the chunks above the cursor (a range of the chunks' primary key),
     * then those series by id; as one join, H2 would scan every series to meet the few grown ones.
     */
    private static List<SeriesGrowth> grown(Connection c, long after) throws SQLException {
        Map<Long, Long> tops = new java.util.LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT series_id, MAX(chunk_id) FROM metric_chunks WHERE chunk_id > ? GROUP BY series_id")) {
            ps.setLong(1, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tops.put(rs.getLong(1), rs.getLong(2));
                }
            }
        }
        List<SeriesGrowth> out = new ArrayList<>();
        List<Long> ids = new ArrayList<>(tops.keySet());
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            try (PreparedStatement ps = c.prepareStatement("SELECT s.series_id, s.trial_id, t.study_id, t.trial_number,"
                    + " s.metric_name, s.point_count, s.last_step FROM metric_series s JOIN trials t ON t.trial_id = s.trial_id"
                    + " WHERE s.series_id IN (" + marks(part.size()) + ")")) {
                bind(ps, part);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SeriesGrowth(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getString(5),
                                rs.getLong(6), rs.getLong(7), tops.get(rs.getLong(1))));
                    }
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
