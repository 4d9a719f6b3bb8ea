package io.tunelab.search.sampler.tpe;

import io.tunelab.search.sampler.KnownPoints;
import io.tunelab.search.sampler.PendingPoints;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What TPE decides from, per study and trial: one {@link ObservationLog} per study (the most recent
 * 16 studies), synced with the study's snapshot once per trial, at the trial's first decision, and
 * that trial's view of the other running trials (for the constant liar); views of the most recent 64
 * trials are kept until the trial ends. Reading the snapshot once per trial keeps storage reads to
 * one per ask even when a storage is slow. Thread-safe.
 */
final class TrialViews {
    private static final int TRIAL_CACHE = 64;
    private static final int STUDY_CACHE = 16;

    private final boolean constantLiar;
    private final Map<Long, ObservationLog> logs = lru(STUDY_CACHE);
    private final Map<Long, PendingPoints> pending = lru(STUDY_CACHE);
    private final Map<Key, View> views = lru(TRIAL_CACHE);

    TrialViews(boolean constantLiar) {
        this.constantLiar = constantLiar;
    }

    private record Key(long studyId, int number) {
    }

    /**
     * One trial's view.
     *
     * @param log      the study's log (guard with its lock); it may have grown since the view was made
     * @param seen     the numbers of the finished trials in the log when the view was made, ascending: every decision
     *                 of the trial models only these, so that one taken after the log absorbed more trials (a
     *                 parameter the objective suggests late) is the one the view gives, as the deterministic parallel
     *                 mode needs; not to be modified
     * @param running  the other RUNNING trials then, ordered by number
     * @param liars    with the constant liar, {@code running}; otherwise empty
     * @param failed   the FAIL trials then
     * @param trial    the trial whose view this is
     * @param pending  what TPE proposed for the study's trials, for running trials that have not suggested it yet
     * @param observed the finished trials in the log when the view was made that TPE learns from: all of them with one
     *                 objective, the COMPLETE ones with several (MOTPE leaves PRUNED trials out, {@link TpeSplit}, so
     *                 they do not end the random start-up either, as in Optuna 3.1)
     */
    record View(ObservationLog log, int[] seen, List<FrozenTrial> running, List<FrozenTrial> liars,
                List<FrozenTrial> failed, FrozenTrial trial, PendingPoints pending, int observed) {

        /**
         * The points {@code part} must not repeat: in a space of finitely many values that is the whole of every
         * observed trial (no trial holds a parameter outside {@code part} but single values, so a repeat of {@code
         * part} repeats a trial), the points of the observed (complete or pruned), running and failed trials (a
         * running trial that has not suggested its parameters yet by what TPE proposed for it, see {@link
         * PendingPoints}); otherwise none.
         */
        KnownPoints knownPoints(Map<String, Distribution> part) {
            if (!KnownPoints.applies(part)) {
                return KnownPoints.none();
            }
            List<Map<String, Double>> runningPoints = pending.of(running, trial, part); // and forgets ended trials
            List<FrozenTrial> trials = new ArrayList<>(failed);
            synchronized (log) {
                for (int pos = 0; pos < log.size(); pos++) {
                    FrozenTrial t = log.trial(pos);
                    if (!varied(t).equals(part.keySet())) {
                        return KnownPoints.none();
                    }
                    trials.add(t);
                }
            }
            return KnownPoints.ofTrials(part, trials).plus(runningPoints);
        }

        /** The names of {@code t}'s parameters that hold more than one value (parts leave single values out). */
        private static Set<String> varied(FrozenTrial t) {
            Set<String> names = new HashSet<>();
            t.distributions().forEach((name, d) -> {
                if (!d.isSingle()) {
                    names.add(name);
                }
            });
            return names;
        }
    }

    private static <K, V> Map<K, V> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The view of {@code trial}. */
    View view(StudyView study, FrozenTrial trial) {
        Key key = new Key(study.studyId(), trial.number());
        synchronized (views) {
            View v = views.get(key);
            if (v != null) {
                return v;
            }
        }
        List<Direction> directions = study.directions();
        List<FrozenTrial> snapshot = study.trials(
                EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.RUNNING, TrialState.FAIL));
        ObservationLog log;
        PendingPoints proposals;
        synchronized (logs) {
            log = logs.get(study.studyId());
            if (log == null || !log.directions().equals(directions)) {
                log = new ObservationLog(directions);
                logs.put(study.studyId(), log);
            }
            proposals = pending.computeIfAbsent(study.studyId(), id -> new PendingPoints());
        }
        int[] seen;
        int observed = 0;
        synchronized (log) {
            log.absorb(snapshot);
            seen = new int[log.size()];
            for (int pos = 0; pos < seen.length; pos++) {
                seen[pos] = log.number(pos);
                observed += directions.size() > 1 && log.pruned(pos) ? 0 : 1;
            }
        }
        List<FrozenTrial> running = new ArrayList<>();
        List<FrozenTrial> failed = new ArrayList<>();
        for (FrozenTrial t : snapshot) {
            if (t.state() == TrialState.RUNNING && t.number() != trial.number()) {
                running.add(t);
            } else if (t.state() == TrialState.FAIL) {
                failed.add(t);
            }
        }
        List<FrozenTrial> others = List.copyOf(running);
        View v = new View(log, seen, others, constantLiar ? others : List.of(), List.copyOf(failed), trial, proposals,
                observed);
        synchronized (views) {
            views.put(key, v);
        }
        return v;
    }

    /** Drops the view of a trial that ended. */
    void forget(StudyView study, FrozenTrial trial) {
        synchronized (views) {
            views.remove(new Key(study.studyId(), trial.number()));
        }
    }
}
