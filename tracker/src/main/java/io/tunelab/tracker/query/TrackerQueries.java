package io.tunelab.tracker.query;

import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.db.Database;
import io.tunelab.tracker.db.JsonCodec;
import io.tunelab.tracker.db.Times;
import io.tunelab.tracker.provenance.Provenance;
import io.tunelab.tracker.provenance.ProvenanceStore;
import io.tunelab.tracker.store.JdbcTrialStorage;
import io.tunelab.tracker.store.TrialHead;
import io.tunelab.tracker.store.TrialLoader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads for live views. A view loads a study once ({@link #trials(long, int, int)} pages, or the
 * storage's cached {@link JdbcTrialStorage#trials}), then polls {@link #changedSince} with the cursor
 * it got and {@link #unfinished} for running trials, fetching only what changed. Thread-safe; each
 * method is one read transaction.
 */
public final class TrackerQueries {
    private final Database db;
    private final JdbcTrialStorage storage;
    private final TrialLoader loader = new TrialLoader();
    private final ProvenanceStore provenance;

    public TrackerQueries(JdbcTrialStorage storage) {
        this.storage = storage;
        this.db = storage.database();
        this.provenance = new ProvenanceStore(db);
    }

    /** Every study with its trial counts, best value and last activity, by id. */
    public List<StudySummary> studies() {
        return db.read(c -> StudySummaries.all(c));
    }

    /** Up to {@code limit} trials with numbers above {@code afterNumber} (use -1 to start), by number. */
    public TrialPage trials(long studyId, int afterNumber, int limit) {
        checkLimit(limit);
        return db.read(c -> {
            List<TrialHead> heads = loader.heads(c, "study_id = ? AND trial_number > ? AND trial_number <= ?", ps -> {
                ps.setLong(1, studyId);
                ps.setInt(2, afterNumber);
                ps.setLong(3, (long) afterNumber + limit + 1);
            });
            requireStudy(c, studyId, heads.isEmpty());
            boolean more = heads.size() > limit;
            List<TrialHead> page = more ? heads.subList(0, limit) : heads;
            List<FrozenTrial> trials = loader.loadAll(c, studyId, page);
            long cursor = trials.isEmpty() ? afterNumber : trials.get(trials.size() - 1).number();
            return new TrialPage(trials, cursor, more);
        });
    }

    /** Every trial of a study, by number, from the storage's cache of finished trials. */
    public List<FrozenTrial> allTrials(long studyId) {
        return storage.trials(studyId, java.util.EnumSet.allOf(TrialState.class));
    }

    /**
     * Trials created, started or finished after change cursor {@code cursor} (0 for all), at most
     * {@code limit}, in change order. Running trials' parameters and intermediate values change
     * without moving the cursor: poll {@link #unfinished} for those.
     */
    public TrialPage changedSince(long studyId, long cursor, int limit) {
        checkLimit(limit);
        return db.read(c -> {
            List<TrialHead> heads = new ArrayList<>(loader.heads(c, "study_id = ? AND change_seq > ?", ps -> {
                ps.setLong(1, studyId);
                ps.setLong(2, cursor);
            }));
            requireStudy(c, studyId, heads.isEmpty());
            heads.sort((a, b) -> Long.compare(a.changeSeq(), b.changeSeq()));
            boolean more = heads.size() > limit;
            List<TrialHead> page = more ? heads.subList(0, limit) : heads;
            long next = page.isEmpty() ? cursor : page.get(page.size() - 1).changeSeq();
            List<FrozenTrial> trials = new ArrayList<>(loader.loadAll(c, studyId, page));
            Map<Long, Long> seq = new HashMap<>();
            page.forEach(h -> seq.put(h.id(), h.changeSeq()));
            trials.sort((a, b) -> Long.compare(seq.get(a.id()), seq.get(b.id())));
            return new TrialPage(trials, next, more);
        });
    }

    /** Trials that ended after {@code since}, by number (a time-based cursor). */
    public List<FrozenTrial> finishedAfter(long studyId, Instant since) {
        return db.read(c -> {
            List<TrialHead> heads = loader.heads(c, "study_id = ? AND end_ns > ?", ps -> {
                ps.setLong(1, studyId);
                ps.setLong(2, Times.toNanos(since));
            });
            return loader.loadAll(c, studyId, heads);
        });
    }

    /** The study's RUNNING and WAITING trials, by number. */
    public List<FrozenTrial> unfinished(long studyId) {
        return storage.trials(studyId, java.util.EnumSet.of(TrialState.RUNNING, TrialState.WAITING));
    }

    public FrozenTrial trial(long trialId) {
        return storage.trial(trialId);
    }

    public List<ArtifactRef> artifacts(long trialId) {
        return storage.artifacts(trialId);
    }

    public Optional<Provenance> provenance(long trialId) {
        return provenance.find(trialId);
    }

    private static void checkLimit(int limit) {
        if (limit < 1) {
            throw TrackerException.invalid("limit must be at least 1, got " + limit);
        }
    }

    private static void requireStudy(Connection c, long studyId, boolean check) throws SQLException {
        if (!check) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM studies WHERE study_id = ?")) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw TrackerException.notFound("no study with id " + studyId);
                }
            }
        }
    }

    /** The aggregate queries behind {@link #studies()}. */
    private static final class StudySummaries {
        static List<StudySummary> all(Connection c) throws SQLException {
            Map<Long, Map<TrialState, Integer>> counts = new HashMap<>();
            Map<Long, Long> last = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT study_id, trial_state, COUNT(*),"
                    + " MAX(COALESCE(end_ns, start_ns)) FROM trials GROUP BY study_id, trial_state")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(TrialState.class))
                                .put(TrialState.valueOf(rs.getString(2)), rs.getInt(3));
                        long t = rs.getLong(4);
                        if (!rs.wasNull()) {
                            last.merge(rs.getLong(1), t, Math::max);
                        }
                    }
                }
            }
            Map<Long, double[]> extremes = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT t.study_id, MIN(v.objective_value),"
                    + " MAX(v.objective_value) FROM trial_values v JOIN trials t ON t.trial_id = v.trial_id"
                    + " WHERE t.trial_state = 'COMPLETE' AND v.objective_index = 0 GROUP BY t.study_id")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        extremes.put(rs.getLong(1), new double[] {rs.getDouble(2), rs.getDouble(3)});
                    }
                }
            }
            Map<Long, String> samplers = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT study_id, attr_json FROM study_attrs WHERE attr_name = 'sampler'")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (JsonCodec.read(rs.getString(2)) instanceof Map<?, ?> m && m.get("type") != null) {
                            samplers.put(rs.getLong(1), String.valueOf(m.get("type")));
                        }
                    }
                }
            }
            List<StudySummary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT study_id, study_name, directions, created_ns, change_seq FROM studies ORDER BY study_id")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        List<Direction> dirs = Arrays.stream(rs.getString(3).split(",")).map(Direction::valueOf).toList();
                        double[] ext = extremes.get(id);
                        Double best = ext == null || dirs.size() != 1 ? null
                                : dirs.get(0) == Direction.MINIMIZE ? ext[0] : ext[1];
                        Instant created = Times.fromNanos(rs.getLong(4));
                        Long lastNs = last.get(id);
                        out.add(new StudySummary(id, rs.getString(2), dirs, counts.getOrDefault(id, Map.of()), best,
                                samplers.get(id), created, lastNs == null ? created : Times.fromNanos(lastNs),
                                rs.getLong(5)));
                    }
                }
            }
            return out;
        }
    }
}
