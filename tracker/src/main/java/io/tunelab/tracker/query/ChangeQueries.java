package io.tunelab.tracker.query;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The indexed reads behind a live change feed, so a viewer of a 100,000-trial study asks the database
 * only for what moved:
 * <ul>
 *   <li>{@link #counters()}: each study's change counter (one row per study), to skip idle studies;</li>
 *   <li>{@link #changedTrials}: trials whose change counter passed a cursor: created, claimed or
 *       finished trials;</li>
 *   <li>{@link #activity}: for running trials, how many parameters, intermediate values and attributes
 *       they hold, since those writes do not move the change counter;</li>
 *   <li>{@link #grownSince}: series that received points with a point id above a cursor, with their
 *       summary now.</li>
 * </ul>
 * A point id is a write cursor: points are written in runs (one id per run of one series' points in
 * a write), so several points may share an id. Point ids grow in commit order within one writer;
 * writers in several processes may commit ids out of order, so a reader should re-scan a short
 * window behind its cursor. Thread-safe; each method is one read; results are immutable.
 */
public interface ChangeQueries {

    /**
     * A trial as of its last state change.
     *
     * @param changeSeq the study's change counter at that change (compare with {@link #counters()})
     */
    record ChangedTrial(long trialId, long studyId, int number, TrialState state, long changeSeq) {
    }

    /**
     * What a running trial holds, counted: a change in any count means the trial changed.
     * (An intermediate value reported again for the same step is not counted as a change.) Summaries
     * (histograms, images, texts, PR curves) count too, so a trial that logs only summaries is seen live.
     */
    record TrialActivity(long trialId, long studyId, int number, int params, int intermediates, int attrs,
                         int summaries) {
    }

    /**
     * A series that received points after a point cursor.
     *
     * @param lastPointId the highest point id of the series seen by the query (a cursor)
     * @param count       the series' number of points now
     * @param lastStep    its highest step now
     */
    record SeriesGrowth(long seriesId, long trialId, long studyId, int number, String name, long count,
                        long lastStep, long lastPointId) {
    }

    /** Each study's change counter, by study id. */
    Map<Long, Long> counters();

    /** The study's trials whose change counter is above {@code cursor}, by number (no parameters or values). */
    List<ChangedTrial> changedTrials(long studyId, long cursor);

    /** Activity of the study's RUNNING trials. */
    List<TrialActivity> activity(long studyId);

    /** Activity of those of the given trials that are still RUNNING, in any order. */
    List<TrialActivity> activity(Collection<Long> trialIds);

    /** Snapshots of the given trials of one study, by number; ids of other studies or of no trial are skipped. */
    List<FrozenTrial> trials(long studyId, Collection<Long> trialIds);

    /** The highest point id written so far (0 when there is none): where a new reader starts. */
    long lastPointId();

    /** Every series that has a point with an id above {@code afterPointId}, with its summary now. */
    List<SeriesGrowth> grownSince(long afterPointId);
}
