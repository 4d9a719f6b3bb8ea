package io.tunelab.search.study;

import io.tunelab.search.exec.Slot;
import io.tunelab.search.pruner.Pruner;
import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.storage.StorageNames;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A search study: a named sequence of trials over one objective (or several), backed by a
 * {@link TrialStorage}. Thread-safe: {@link #ask()}, {@link #tell} and {@link #optimize} may be
 * called from several threads, and several processes may share a study through a database storage.
 *
 * <pre>{@code
 * Study study = Study.builder("mlp").direction(Direction.MAXIMIZE).seed(42).createOrLoad();
 * study.optimize(trial -> {
 *     int layers = trial.suggestInt("n_hidden", 0, 3);
 *     double lr = trial.suggestReciprocal("learning_rate", 3e-4, 3e-2);
 *     return train(layers, lr);
 * }, OptimizeOptions.trials(50).withParallelism(2));
 * }</pre>
 */
public final class Study implements StudyView {
    /** The system attributes Tunelab sets on enqueued and retried trials, in the order error messages list them. */
    public static final List<String> RESERVED_ATTRS = List.of(TrialStorage.FIXED_PARAMS, TrialStorage.RETRY_OF,
            TrialStorage.RETRIED_BY, TrialStorage.RESULT_OF, TrialStorage.SUPERSEDED);
    private final TrialStorage storage;
    private final StudyRecord record;
    private final Sampler sampler;
    private final Pruner pruner;
    private final RandomStreams streams;
    private final int deterministicWindow;
    private final RunSchedule schedule;
    private final ParameterKinds parameterKinds = new ParameterKinds(this::trials);
    private final RunningTrials running = new RunningTrials();
    private final TrialAsker asker;
    private final TrialFinisher finisher;
    private final SpaceChangeWarning spaceChangeWarning;
    private final BestTrials best;
    private volatile boolean stopRequested;

    /** @param warnSpaceChange whether to log a {@link SpaceChangeWarning} (false for a study just created) */
    Study(TrialStorage storage, StudyRecord record, Sampler sampler, Pruner pruner, RandomStreams streams,
          int deterministicWindow, boolean reproducibleByDefault, boolean warnSpaceChange) {
        this.storage = storage;
        this.record = record;
        this.sampler = sampler;
        this.pruner = pruner;
        this.streams = streams;
        this.deterministicWindow = deterministicWindow;
        this.schedule = new RunSchedule(deterministicWindow, reproducibleByDefault);
        this.asker = new TrialAsker(this, storage, sampler, running);
        this.finisher = new TrialFinisher(this, storage, sampler, running);
        this.spaceChangeWarning = new SpaceChangeWarning(warnSpaceChange);
        this.best = new BestTrials(this);
    }

    /** Starts building (creating or loading) the study called {@code name}. */
    public static StudyBuilder builder(String name) {
        return new StudyBuilder(name);
    }

    @Override
    public long studyId() {
        return record.id();
    }

    @Override
    public String name() {
        return record.name();
    }

    @Override
    public List<Direction> directions() {
        return record.directions();
    }

    @Override
    public List<FrozenTrial> trials(Set<TrialState> states) {
        return storage.trials(record.id(), states);
    }

    @Override
    public int countTrials(Set<TrialState> states) {
        return storage.countTrials(record.id(), states);
    }

    /** The study's system attributes, set by Tunelab: the {@linkplain #userAttrs() user's} are not among them. */
    @Override
    public Map<String, Object> systemAttrs() {
        return storage.study(record.id()).tunelabAttrs();
    }

    /**
     * Sets a study-level user attribute (Optuna's {@code study.set_user_attr}): a JSON-compatible value kept by the
     * storage and read back by {@link #userAttrs()}, also after the study is loaded again. Setting a key again
     * replaces its value.
     *
     * @throws io.tunelab.search.storage.StorageException for a blank or over-long key or a value that is not JSON
     */
    public void setUserAttr(String key, Object value) {
        StorageNames.checkAttrName(key);
        storage.setStudySystemAttr(record.id(), StudyRecord.USER_ATTR_PREFIX + key, value);
    }

    /** The study's user attributes (Optuna's {@code study.user_attrs}), as stored now; unmodifiable. */
    public Map<String, Object> userAttrs() {
        return storage.study(record.id()).userAttrs();
    }

    public TrialStorage storage() {
        return storage;
    }

    public Sampler sampler() {
        return sampler;
    }

    public Pruner pruner() {
        return pruner;
    }

    /** The study's rule that a parameter name keeps its kind of distribution (checked by every trial it asks). */
    ParameterKinds parameterKinds() {
        return parameterKinds;
    }

    /** The warning this study gives when its trials search a parameter from another distribution than earlier ones. */
    SpaceChangeWarning spaceChangeWarning() {
        return spaceChangeWarning;
    }

    RandomStreams streams() {
        return streams;
    }

    /** Starts a trial on slot {@code cpu:0}; finish it with {@link #tell}. */
    public Trial ask() {
        return ask(Slot.cpu(0));
    }

    /**
     * Starts a trial holding {@code slot}: an enqueued trial if one waits, else a new one. In deterministic
     * mode ({@link StudyBuilder#deterministic}) asks are serialised and the ask of trial {@code k} blocks
     * until every trial numbered up to {@code k − window} has finished: with the ask-and-tell interface,
     * tell a trial before asking {@code window} more.
     */
    public Trial ask(Slot slot) {
        return ask(slot, deterministicWindow);
    }

    /** {@link #ask(Slot)} with deterministic window {@code window} (0: off) for this ask. */
    Trial ask(Slot slot, int window) {
        return asker.ask(slot, window);
    }

    /** The deterministic-mode window (trials that may run at once without changing any proposal), or 0. */
    public int deterministicWindow() {
        return deterministicWindow;
    }

    /**
     * Starts a trial holding {@code slot} if the study (across every process sharing it) has fewer
     * than {@code budget} trials; empty when the budget is spent. See
     * {@link TrialStorage#startTrialWithinBudget}.
     */
    public Optional<Trial> askWithinBudget(Slot slot, int budget) {
        return askWithinBudget(slot, budget, deterministicWindow);
    }

    /** {@link #askWithinBudget(Slot, int)} with deterministic window {@code window} (0: off) for this ask. */
    Optional<Trial> askWithinBudget(Slot slot, int budget, int window) {
        return asker.askWithinBudget(slot, budget, window);
    }

    /**
     * Enqueues a trial that will use exactly these parameters (others are sampled as usual). As in Optuna, a number
     * outside the range the trial suggests it from is used, with a warning naming it, and samplers then ignore the
     * trial; a value that is not a number of the right kind, lies off the step grid, or is not among a categorical's
     * choices fails the trial with a message naming the parameter.
     */
    public FrozenTrial enqueueTrial(Map<String, Object> params) {
        return enqueueTrial(params, Map.of());
    }

    /**
     * Enqueues a trial that will use exactly these parameters (others are sampled as usual) and starts with these user
     * attributes, as Optuna's {@code enqueue_trial(params, user_attrs=...)}. The system attributes Tunelab sets itself
     * on enqueued and retried trials ({@link #RESERVED_ATTRS}) cannot be user attribute names here: such a name is
     * refused with a {@link StudyException}, as is (with a storage INVALID) a name or value {@link
     * io.tunelab.search.trial.Trial#setUserAttr} would refuse; nothing is enqueued then.
     */
    public FrozenTrial enqueueTrial(Map<String, Object> params, Map<String, Object> userAttrs) {
        return asker.enqueue(params, userAttrs);
    }

    /**
     * Finishes a trial as COMPLETE with its objective values (one per direction). A trial this process asked
     * ({@link #ask}) is identified by its id, as Optuna does: one asked from another study is refused with a
     * {@link StudyException} naming both studies (its number would name another trial here). Any other
     * {@link Trial} (a decorator) is looked up by its number.
     */
    public FrozenTrial tell(Trial trial, double... values) {
        return finisher.tell(trial, values);
    }

    /**
     * Finishes trial {@code number} as {@code state}. A COMPLETE trial whose values are NaN or infinite, or whose
     * value count does not match the directions (none included), is recorded as FAIL with a message saying why, as
     * Optuna does, and a warning naming the trial is logged. A PRUNED trial keeps its last reported intermediate value
     * as its value, as in Optuna (none when it reported none, or a value that is not finite). Only COMPLETE trials
     * count for the best trial. Telling the same outcome twice is a no-op; telling a different one throws. A trial the
     * storage failed as stale meanwhile may have its outcome recorded on its WAITING retry
     * ({@link TrialStorage#finishTrial}): then the retry holding it is returned.
     *
     * @throws StudyException when values are given with PRUNED or FAIL (they would be dropped), or for a state
     *                        that does not finish a trial
     */
    public FrozenTrial tell(int number, TrialState state, double... values) {
        return finisher.tell(number, state, values);
    }

    /**
     * Ends a trial as {@code state}; COMPLETE values that do not fit the study make it FAIL with a message naming what
     * gave them: {@link #tell} when {@code told}, else the objective.
     */
    FrozenTrial finish(long trialId, TrialState state, double[] values, String message, boolean told) {
        return finisher.finish(trialId, state, values, message, told);
    }

    /**
     * Runs {@code objective} for {@code trials} trials, one at a time, as Optuna's {@code optimize(objective, n_trials)}:
     * {@link #optimize(Objective, OptimizeOptions) optimize(objective, OptimizeOptions.trials(trials))}.
     */
    public void optimize(Objective objective, int trials) {
        optimize(objective, OptimizeOptions.trials(trials));
    }

    /**
     * Runs a single-objective function under {@code options}: on one slot (the default) one trial after another, on
     * several slots that many at once (the objective must then be thread-safe). What a {@link StudyBuilder#seed seed}
     * reproduces:
     * <ul>
     *   <li>with {@link StudyBuilder#deterministic deterministic(true)} (or a window): the same parameters per trial
     *       number however many slots the run has, one included, for a sampler that
     *       {@linkplain Sampler#decidesFromViewOnly() decides from its view only} (every built-in one);</li>
     *   <li>left at the default: the same parameters per trial number for the same number of slots. One slot runs
     *       plain sequentially, each trial seeing every earlier one, as Optuna; several slots use deterministic mode
     *       with the {@linkplain StudyBuilder#DEFAULT_DETERMINISTIC_WINDOW default window} when the sampler decides
     *       from its view only, else run one trial at a time (logged once), so one slot and several differ;</li>
     *   <li>with {@code deterministic(false)}: the same only on one slot; on several every trial sees whatever has
     *       finished by its ask, so the proposals depend on timing.</li>
     * </ul>
     * A study without a seed runs as with {@code deterministic(false)} unless deterministic mode is asked for.
     */
    public void optimize(Objective objective, OptimizeOptions options) {
        optimizeMulti(MultiObjective.of(objective), options);
    }

    /** Runs a multi-objective function under {@code options}, as {@link #optimize(Objective, OptimizeOptions)}. */
    public void optimizeMulti(MultiObjective objective, OptimizeOptions options) {
        stopRequested = false;
        schedule.runner(this, objective, options).run();
    }

    /** Asks a running {@link #optimize} to start no more trials; running ones finish normally. */
    public void stop() {
        stopRequested = true;
    }

    /** The numbers of the trials this process started and has not finished, ascending. */
    public List<Integer> runningHere() {
        return running.numbers();
    }

    /**
     * Stops the study and ends every trial this process started and has not finished as FAIL with
     * {@code reason} (e.g. "interrupted by the user"), so that nothing is left RUNNING when the process
     * exits. Returns the trials ended. Meant for shutdown hooks; the objectives may still be running.
     */
    public List<FrozenTrial> abandonRunning(String reason) {
        running.abandon(reason);
        stop();
        List<FrozenTrial> ended = running.failAll(storage, reason);
        storage.flush();
        return ended;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /**
     * The best feasible COMPLETE trial of a single-objective study (the first one on ties): a trial that
     * violates a constraint (see {@link Constraints}) is never the best, whatever its value.
     *
     * @throws StudyException for a study of several objectives (pointing to {@link #bestTrials()}, as Optuna does), when
     *                        no trial has completed, or none that completed satisfies its constraints
     */
    public FrozenTrial bestTrial() {
        return best.best();
    }

    /** The best feasible trial, if a trial satisfying its constraints has completed. */
    public Optional<FrozenTrial> findBestTrial() {
        return best.find();
    }

    /**
     * The Pareto-optimal feasible COMPLETE trials (for one objective: the best trials, ties included);
     * infeasible trials are neither on the front nor dominate anything on it. Empty when none is feasible.
     */
    public List<FrozenTrial> bestTrials() {
        return best.front();
    }

    /** Parameters of the best trial (single objective). */
    public Map<String, Object> bestParams() {
        return new LinkedHashMap<>(bestTrial().params());
    }
}
