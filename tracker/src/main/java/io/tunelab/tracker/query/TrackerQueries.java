package io.tunelab.tracker.query;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.tracker.provenance.Provenance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side of studies and trials for live views. A view loads a study once ({@link #trials} pages,
 * or {@link #allTrials}), then polls {@link #changedSince} with the cursor it got and {@link #unfinished}
 * for running trials, fetching only what changed.
 *
 * <p>Thread-safe; results are snapshots that never change afterwards. An unknown study or trial raises a
 * {@code TrackerException} of kind NOT_FOUND, a limit below 1 INVALID, an unreachable database
 * UNAVAILABLE.
 */
public interface TrackerQueries {

    /**
     * Every study's summary (trial counts, best trial, Pareto front size, last activity), by id, computed
     * by the database without loading trials; the same verdicts as {@link StudySummary#of}.
     */
    List<StudySummary> studies();

    /** One study's summary, as in {@link #studies()}. */
    StudySummary study(long studyId);

    /**
     * The study's best feasible COMPLETE trial (one objective) or its Pareto-optimal feasible COMPLETE
     * trials (several), by number; empty when there is none. Only these trials are loaded.
     */
    List<FrozenTrial> best(long studyId);

    /**
     * The parameters the study's trials set, each with the distribution of the highest-numbered trial
     * that set it, in order of first appearance: {@link TrialsSearchSpace#of} over {@link #allTrials}, read
     * without walking the trials.
     */
    Map<String, Distribution> space(long studyId);

    /** Up to {@code limit} trials with numbers above {@code afterNumber} (use -1 to start), by number. */
    TrialPage trials(long studyId, int afterNumber, int limit);

    /** Every trial of a study, by number. */
    List<FrozenTrial> allTrials(long studyId);

    /**
     * Trials created, started or finished after change cursor {@code cursor} (0 for all), at most
     * {@code limit}, in change order. Running trials' parameters and intermediate values change
     * without moving the cursor: poll {@link #unfinished} for those.
     */
    TrialPage changedSince(long studyId, long cursor, int limit);

    /** Trials that ended after {@code since}, by number (a time-based cursor). */
    List<FrozenTrial> finishedAfter(long studyId, Instant since);

    /** The study's RUNNING and WAITING trials, by number. */
    List<FrozenTrial> unfinished(long studyId);

    /** One trial's snapshot. */
    FrozenTrial trial(long trialId);

    /** The trial's artifacts in the order they were stored. */
    List<ArtifactRef> artifacts(long trialId);

    /** Where the trial's result came from, once it finished and the store recorded it. */
    Optional<Provenance> provenance(long trialId);
}
