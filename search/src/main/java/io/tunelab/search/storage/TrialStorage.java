package io.tunelab.search.storage;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where studies and trials live. The port every storage (in memory, H2, PostgreSQL) implements and
 * the {@code TrialStorageContract} test suite checks.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Thread-safe</b>: any number of threads (and, for database storages, processes) may call
 *       any method at once.</li>
 *   <li><b>Snapshots never change</b>: a returned {@link FrozenTrial} or list is never modified
 *       afterwards; a later call returns a new snapshot.</li>
 *   <li><b>A finished trial cannot be modified</b>: parameters, intermediate values and attributes
 *       of a COMPLETE, PRUNED or FAIL trial are rejected with a {@link StorageException} of kind
 *       CONFLICT. Finishing it again with the same outcome is a no-op; with another it is a
 *       CONFLICT.</li>
 *   <li><b>Numbers are unique and gap-free</b>: the trials of a study are numbered 0, 1, 2... in
 *       creation order, whatever the concurrency.</li>
 *   <li><b>A WAITING trial is claimed once</b>: {@link #claimWaitingTrial} hands each waiting trial
 *       to exactly one caller.</li>
 *   <li>Unknown study or trial ids raise {@link StorageException} of kind NOT_FOUND.</li>
 *   <li>NaN and infinite values are kept exactly as given.</li>
 * </ul>
 */
public interface TrialStorage extends AutoCloseable {

    /** System attribute of an enqueued trial: the parameters it uses instead of sampling them. */
    String FIXED_PARAMS = "fixed_params";
    /** System attribute of a failed trial replaced by a retry: it no longer counts towards budgets. */
    String SUPERSEDED = "superseded";
    /** System attribute of a retry: the number of the trial it retries. */
    String RETRY_OF = "retry_of";
    /** System attribute of a failed trial replaced by a retry: the retry's number. */
    String RETRIED_BY = "retried_by";
    /**
     * System attribute of a retry that holds the outcome of the trial it retries (the number of that trial): the trial
     * was failed as stale while its worker could not reach the storage, and that worker recorded its outcome later,
     * before any worker started the retry (see {@link #finishTrial}).
     */
    String RESULT_OF = "result_of";
    /**
     * How the FAIL message of a trial cut short by something outside it begins (its process stopped, the storage
     * unreachable while it ran): a storage with a retry policy retries such a trial as it does a stale one.
     */
    String INTERRUPTION_PREFIX = "interrupted: ";

    /** Creates a study; CONFLICT if the name is taken. */
    StudyRecord createStudy(String name, List<Direction> directions);

    Optional<StudyRecord> findStudy(String name);

    /** The study with this id; NOT_FOUND otherwise. */
    StudyRecord study(long studyId);

    /** All studies, by id. */
    List<StudyRecord> studies();

    /** Sets a study-level system attribute (JSON-compatible value). */
    void setStudySystemAttr(long studyId, String key, Object value);

    /** Creates a RUNNING trial with the next number, started now. */
    FrozenTrial createRunningTrial(long studyId);

    /** {@link #createWaitingTrial(long, Map, Map, Map)} without user attributes. */
    default FrozenTrial createWaitingTrial(long studyId, Map<String, Object> fixedParams, Map<String, Object> systemAttrs) {
        return createWaitingTrial(studyId, fixedParams, systemAttrs, Map.of());
    }

    /**
     * Creates a WAITING trial with the next number whose parameters are fixed in advance, with its system and user
     * attributes, in one step: whoever claims it sees them all. The parameters are kept in the system attribute
     * {@value #FIXED_PARAMS}, so {@code systemAttrs} holding that key is INVALID, as is an attribute name or value
     * {@link #setUserAttr} would refuse; nothing is created then.
     */
    FrozenTrial createWaitingTrial(long studyId, Map<String, Object> fixedParams, Map<String, Object> systemAttrs,
                                   Map<String, Object> userAttrs);

    /** Atomically moves the oldest WAITING trial of the study to RUNNING, started now; empty if none. */
    Optional<FrozenTrial> claimWaitingTrial(long studyId);

    /**
     * Starts a trial only while the study's budget allows: atomically (across threads, and across
     * processes for database storages) claims the oldest WAITING trial, or else creates a RUNNING one
     * if the study has fewer than {@code budget} trials. Trials count in every state except FAIL
     * trials marked with the system attribute {@value #SUPERSEDED} (a stale trial whose retry was
     * enqueued, so that the retry takes its place). Empty when the budget is spent.
     */
    Optional<FrozenTrial> startTrialWithinBudget(long studyId, int budget);

    /** Records a parameter; CONFLICT if it is already set with another distribution or value. */
    void setParam(long trialId, String name, Object value, Distribution distribution);

    /** Records an intermediate value; a step reported twice keeps the last value. */
    void setIntermediateValue(long trialId, int step, double value);

    /** Appends per-step scalars; may be buffered, but is visible to readers once {@link #flush} returns. */
    void logMetrics(long trialId, List<MetricPoint> points);

    /** Makes every metric point logged so far durable and readable. */
    default void flush() {
    }

    /**
     * Appends summaries (histograms, texts, images, PR curves), which passed {@code SummaryLimits} when they were
     * made; they are readable once this returns. A summary logged twice at one step is kept twice.
     */
    void logSummaries(long trialId, List<LoggedSummary> summaries);

    /** The trial's summary series, each tag with the kind of its summaries, ordered by tag then kind. */
    List<SummaryTag> summaryTags(long trialId);

    /** The summaries logged under {@code tag}, ordered by step then wall time; empty for an unknown tag. */
    List<LoggedSummary> summaries(long trialId, String tag);

    /** Stores a copy of {@code file} as an artifact of the trial and returns its reference. */
    ArtifactRef storeArtifact(long trialId, String name, Path file);

    /**
     * Removes the trial's artifact called {@code name}, its record and the copy this storage holds; nothing when the trial
     * has none of that name. For a running trial discarding a file that only served while it ran (a resumable checkpoint).
     */
    void deleteArtifact(long trialId, String name);

    void setUserAttr(long trialId, String key, Object value);

    void setSystemAttr(long trialId, String key, Object value);

    /** Records that the trial's worker is alive (used to detect stale RUNNING trials). */
    default void heartbeat(long trialId) {
    }

    /**
     * How long each call of this storage waits out an unreachable database before it throws {@link StorageException}
     * UNAVAILABLE, or empty when it does not wait (it throws at once, or is never unreachable). The study loop waits as
     * long for a trial to claim ({@link io.tunelab.search.study.Study#optimize}). Empty by default.
     */
    default Optional<Duration> outageTolerance() {
        return Optional.empty();
    }

    /**
     * How often the RUNNING trials this storage starts send heartbeats by themselves, or empty when they
     * send none (then nothing ends a trial whose worker died). Empty by default.
     */
    default Optional<Duration> heartbeatInterval() {
        return Optional.empty();
    }

    /**
     * Trials of the study that are not settled yet: WAITING ones, and RUNNING ones that send heartbeats
     * (they either finish or are failed as stale, and possibly retried). A worker whose share of a
     * study-wide budget is done waits while this is above zero, so that a retry of a trial whose worker
     * died is still run. RUNNING trials without heartbeats are not counted: nothing would ever end them.
     * By default (a storage without heartbeats) the WAITING trials; NOT_FOUND for an unknown study.
     */
    default int unsettledTrials(long studyId) {
        return trials(studyId, EnumSet.of(TrialState.WAITING)).size();
    }

    /**
     * Ends a RUNNING trial. Returns true if this call finished it, false if it had already
     * finished with the same state and values; CONFLICT if it finished otherwise.
     * A storage that fails stale trials and retries them may record a COMPLETE or PRUNED outcome of a trial it failed
     * meanwhile on that trial's retry, while no worker has started the retry: then it returns true, the trial stays
     * FAIL with {@value #RETRIED_BY} naming the retry, and the retry holds the outcome with {@value #RESULT_OF}.
     *
     * @param values  objective values for COMPLETE, empty otherwise (or the last values for PRUNED)
     * @param message why it failed or was pruned, or null
     */
    boolean finishTrial(long trialId, TrialState state, List<Double> values, String message);

    /**
     * Ends a RUNNING trial as {@link #finishTrial(long, TrialState, List, String)} does, with the start and end the
     * tool it was imported from recorded instead of this storage's clock, so that an import keeps each trial's
     * duration (Optuna's {@code create_trial} takes both too). INVALID when {@code end} is before {@code start}.
     */
    boolean finishTrial(long trialId, TrialState state, List<Double> values, String message, Instant start, Instant end);

    /** The trial's current snapshot; NOT_FOUND otherwise. */
    FrozenTrial trial(long trialId);

    /** The study's trial with this number; NOT_FOUND otherwise. */
    FrozenTrial trialByNumber(long studyId, int number);

    /** The study's trials in the given states, ordered by number. */
    List<FrozenTrial> trials(long studyId, Set<TrialState> states);

    /**
     * How many of the study's trials are in the given states: the size of {@link #trials(long, Set)}, which is the
     * default, but a storage can answer it without reading the trials; NOT_FOUND for an unknown study.
     */
    default int countTrials(long studyId, Set<TrialState> states) {
        return trials(studyId, states).size();
    }

    /** Names of the trial's metric series. */
    List<String> metricNames(long trialId);

    /**
     * Names of the metric series any trial of the study has (in any state), distinct and sorted, read at once rather than
     * trial by trial: what a filter needs to know which {@code metrics.NAME} exist. NOT_FOUND for an unknown study.
     */
    List<String> studyMetricNames(long studyId);

    /** One metric series of a trial, ordered by step then wall time. */
    List<MetricPoint> metrics(long trialId, String name);

    List<ArtifactRef> artifacts(long trialId);

    /** Releases resources; the storage is unusable afterwards. */
    @Override
    default void close() {
    }
}
