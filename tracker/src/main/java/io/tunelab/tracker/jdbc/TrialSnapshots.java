package io.tunelab.tracker.jdbc;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.TrackerException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Trial snapshots with a cache of finished trials. A finished trial never changes, so its snapshot
 * is kept forever (per process); a read of a study's trials asks the database only for trials whose
 * state changed since the last read ({@code change_seq} cursor) and for unfinished ones. That keeps
 * samplers that read the whole history at every ask cheap. Thread-safe; refreshes of one study are
 * serialised.
 */
final class TrialSnapshots {
    private final Database db;
    private final TrialLoader loader;
    private final Map<Long, FrozenTrial> finished = new ConcurrentHashMap<>();
    private final Map<Long, StudyCache> studies = new ConcurrentHashMap<>();

    TrialSnapshots(Database db, TrialLoader loader) {
        this.db = db;
        this.loader = loader;
    }

    /** What is known of one study's finished trials. Guarded by its own monitor. */
    private static final class StudyCache {
        long seenSeq;
        final TreeMap<Integer, FrozenTrial> byNumber = new TreeMap<>();
        List<FrozenTrial> list = List.of();
    }

    /** Forgets what is cached of a deleted study and of its trials {@code trialIds}. */
    void forget(long studyId, List<Long> trialIds) {
        studies.remove(studyId);
        trialIds.forEach(finished::remove);
    }

    /** Remembers a snapshot if it is finished. */
    FrozenTrial remember(FrozenTrial t) {
        if (t.state().isFinished()) {
            FrozenTrial previous = finished.putIfAbsent(t.id(), t);
            return previous == null ? t : previous;
        }
        return t;
    }

    FrozenTrial trial(long trialId) {
        FrozenTrial cached = finished.get(trialId);
        return cached != null ? cached : remember(db.read(c -> loader.load(c, trialId)));
    }

    FrozenTrial trialByNumber(long studyId, int number) {
        StudyCache cache = studies.get(studyId);
        if (cache != null) {
            synchronized (cache) {
                FrozenTrial t = cache.byNumber.get(number);
                if (t != null) {
                    return t;
                }
            }
        }
        return remember(db.read(c -> {
            List<TrialHead> heads = loader.heads(c, "study_id = ? AND trial_number = ?", ps -> {
                ps.setLong(1, studyId);
                ps.setInt(2, number);
            });
            if (heads.isEmpty()) {
                String study = new StudyTable().get(c, studyId).name();
                throw TrackerException.notFound("study '" + study + "' has no trial number " + number);
            }
            return loader.loadAll(c, studyId, heads).get(0);
        }));
    }

    /** The study's trials in {@code states}, ordered by number. */
    List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
        StudyCache cache = studies.computeIfAbsent(studyId, k -> new StudyCache());
        boolean wantUnfinished = states.contains(TrialState.RUNNING) || states.contains(TrialState.WAITING);
        List<FrozenTrial> unfinished;
        List<FrozenTrial> done;
        synchronized (cache) {
            unfinished = db.read(c -> refresh(c, studyId, cache, wantUnfinished));
            done = cache.list;
        }
        List<FrozenTrial> out = new ArrayList<>();
        for (FrozenTrial t : done) {
            if (states.contains(t.state())) {
                out.add(t);
            }
        }
        if (!unfinished.isEmpty()) {
            for (FrozenTrial t : unfinished) {
                if (states.contains(t.state())) {
                    out.add(t);
                }
            }
            out.sort(Comparator.comparingInt(FrozenTrial::number));
        }
        return List.copyOf(out);
    }

    private List<FrozenTrial> refresh(Connection c, long studyId, StudyCache cache, boolean wantUnfinished)
            throws SQLException {
        long seq = StudyTable.changeSeq(c, studyId);
        if (seq == cache.seenSeq && !wantUnfinished) {
            return List.of();
        }
        Map<Long, TrialHead> heads = new LinkedHashMap<>();
        if (seq != cache.seenSeq) {
            long seen = cache.seenSeq;
            for (TrialHead h : loader.heads(c, "study_id = ? AND change_seq > ?", ps -> {
                ps.setLong(1, studyId);
                ps.setLong(2, seen);
            })) {
                heads.put(h.id(), h);
            }
        }
        if (wantUnfinished) {
            for (TrialHead h : loader.heads(c, "study_id = ? AND trial_state IN ('RUNNING', 'WAITING')",
                    ps -> ps.setLong(1, studyId))) {
                heads.put(h.id(), h);
            }
        }
        List<TrialHead> toLoad = new ArrayList<>();
        boolean added = false;
        for (TrialHead h : heads.values()) {
            FrozenTrial known = h.state().isFinished() ? finished.get(h.id()) : null;
            if (known != null) {
                added |= cache.byNumber.putIfAbsent(known.number(), known) == null;
            } else {
                toLoad.add(h);
            }
        }
        List<FrozenTrial> unfinished = new ArrayList<>();
        for (FrozenTrial t : loader.loadAll(c, studyId, toLoad)) {
            if (t.state().isFinished()) {
                FrozenTrial kept = remember(t);
                added |= cache.byNumber.putIfAbsent(kept.number(), kept) == null;
            } else {
                unfinished.add(t);
            }
        }
        if (added) {
            cache.list = List.copyOf(cache.byNumber.values());
        }
        cache.seenSeq = seq;
        return unfinished;
    }
}
