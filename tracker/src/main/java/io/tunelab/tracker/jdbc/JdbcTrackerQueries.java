package io.tunelab.tracker.jdbc;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.provenance.Provenance;
import io.tunelab.tracker.provenance.ProvenanceStore;
import io.tunelab.tracker.query.StudySummary;
import io.tunelab.tracker.query.TrackerQueries;
import io.tunelab.tracker.query.TrialPage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link TrackerQueries} over the {@code trials} table (pages and change feeds read only the rows asked
 * for), the maintained per-study aggregates ({@link AggregateRows}: summaries and best trials) and the
 * tracking store's cache of finished trials (whole studies). Thread-safe; each
 * method is one read transaction or a read of the cache.
 */
final class JdbcTrackerQueries implements TrackerQueries {
    private static final Set<TrialState> ALL = EnumSet.allOf(TrialState.class);

    private final Database db;
    private final JdbcTrialStorage storage;
    private final TrialLoader loader = new TrialLoader();
    private final ProvenanceStore provenance;
    private final StudyTable studyTable = new StudyTable();
    private final StudyAggregates aggregates = new StudyAggregates();
    /** Per study: the change counter an aggregate was computed at, and the aggregate. */
    private final Map<Long, Map.Entry<Long, StudyAggregates.Aggregate>> aggregateCache = new ConcurrentHashMap<>();

    JdbcTrackerQueries(Database db, JdbcTrialStorage storage, ProvenanceStore provenance) {
        this.db = db;
        this.storage = storage;
        this.provenance = provenance;
    }

    /** Every study's maintained aggregates: one query for all studies, none over their trials. */
    @Override
    public List<StudySummary> studies() {
        return db.read(c -> {
            Map<Long, AggregateRows.Row> rows = AggregateRows.all(c);
            List<StudySummary> out = new ArrayList<>();
            for (StudyRecord study : studyTable.all(c)) {
                out.add(summary(c, study, rows.get(study.id())));
            }
            return out;
        });
    }

    @Override
    public StudySummary study(long studyId) {
        return db.read(c -> {
            StudyRecord study = studyTable.get(c, studyId);
            return summary(c, study, AggregateRows.of(c, studyId));
        });
    }

    private StudySummary summary(Connection c, StudyRecord study, AggregateRows.Row row) throws SQLException {
        if (row == null || row.frontSize() < 0) {
            return computed(c, study).summary(study);
        }
        int pareto = study.directions().size() > 1 ? row.frontSize() : row.bestId() == null ? 0 : 1;
        return StudySummary.of(study, row.counts(), row.lastNs() == Long.MIN_VALUE ? null : Times.fromNanos(row.lastNs()),
                row.bestValues(), row.bestNumber(), pareto, row.infeasible());
    }

    @Override
    public List<FrozenTrial> best(long studyId) {
        return db.read(c -> {
            StudyRecord study = studyTable.get(c, studyId);
            List<Long> ids = bestIds(c, study, AggregateRows.of(c, studyId));
            if (ids.isEmpty()) {
                return List.of();
            }
            List<TrialHead> heads = new ArrayList<>();
            for (long id : ids) {
                loader.findHead(c, id).ifPresent(heads::add);
            }
            return List.copyOf(loader.loadAll(c, studyId, heads));
        });
    }

    private List<Long> bestIds(Connection c, StudyRecord study, AggregateRows.Row row) throws SQLException {
        if (row == null || row.frontSize() < 0) {
            return computed(c, study).bestIds();
        }
        if (study.directions().size() == 1) {
            return row.bestId() == null ? List.of() : List.of(row.bestId());
        }
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT f.trial_id FROM study_front f"
                + " JOIN trials t ON t.trial_id = f.trial_id WHERE f.study_id = ? ORDER BY t.trial_number")) {
            ps.setLong(1, study.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * The aggregate computed from the trials, for a study whose maintained front is stale (a NaN value):
     * cached until the study's change counter moves.
     */
    private StudyAggregates.Aggregate computed(Connection c, StudyRecord study) throws SQLException {
        long seq = StudyTable.changeSeq(c, study.id());
        Map.Entry<Long, StudyAggregates.Aggregate> cached = aggregateCache.get(study.id());
        if (cached != null && cached.getKey() == seq) {
            return cached.getValue();
        }
        StudyAggregates.Aggregate fresh = aggregates.of(c, study);
        aggregateCache.put(study.id(), Map.entry(seq, fresh));
        return fresh;
    }

    @Override
    public Map<String, Distribution> space(long studyId) {
        return db.read(c -> {
            StudyTable.changeSeq(c, studyId);
            return SpaceRows.space(c, studyId);
        });
    }

    @Override
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

    @Override
    public List<FrozenTrial> allTrials(long studyId) {
        return storage.trials(studyId, ALL);
    }

    @Override
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

    @Override
    public List<FrozenTrial> finishedAfter(long studyId, Instant since) {
        return db.read(c -> {
            List<TrialHead> heads = loader.heads(c, "study_id = ? AND end_ns > ?", ps -> {
                ps.setLong(1, studyId);
                ps.setLong(2, Times.toNanos(since));
            });
            return List.copyOf(loader.loadAll(c, studyId, heads));
        });
    }

    @Override
    public List<FrozenTrial> unfinished(long studyId) {
        return storage.trials(studyId, EnumSet.of(TrialState.RUNNING, TrialState.WAITING));
    }

    @Override
    public FrozenTrial trial(long trialId) {
        return storage.trial(trialId);
    }

    @Override
    public List<ArtifactRef> artifacts(long trialId) {
        return storage.artifacts(trialId);
    }

    @Override
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
}
