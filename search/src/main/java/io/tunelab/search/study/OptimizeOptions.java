package io.tunelab.search.study;

import io.tunelab.search.SearchException;
import io.tunelab.search.exec.SlotPool;
import java.time.Duration;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * How long and how wide {@link Study#optimize} runs. The factories run one trial at a time, on slot {@code cpu:0}, as
 * Optuna's {@code n_jobs=1}: trials run at once only when asked for ({@link #withParallelism}, {@link #withSlots},
 * {@link #withSlotPerCore}), and the objective must then be thread-safe.
 *
 * @param trials    number of trials this call starts, or 0 for no limit (then a timeout or
 *                  {@link Study#stop()} ends it); with {@code studyWide}, the number of trials the
 *                  whole study may have, shared by every process working on it
 * @param timeout   wall-clock limit after which no new trial starts, or null for none
 * @param slots     the execution slots; as many trials run at once as there are slots
 * @param stopOn    exception types that end the optimisation instead of failing just one trial
 * @param callbacks called after every trial
 * @param studyWide whether {@code trials} is the study's global budget (see
 *                  {@link io.tunelab.search.storage.TrialStorage#startTrialWithinBudget}) rather than
 *                  a count for this call
 * @param budget    with {@code studyWide}, read before each trial is claimed: the study's budget as it is now,
 *                  which another process may raise or lower while this one runs (e.g. re-read from the storage);
 *                  null for the fixed {@code trials}. Called from the trial threads, so it must be thread-safe
 */
public record OptimizeOptions(int trials, Duration timeout, SlotPool slots,
                              List<Class<? extends Throwable>> stopOn, List<TrialCallback> callbacks,
                              boolean studyWide, IntSupplier budget) {

    public OptimizeOptions {
        if (trials < 0) {
            throw new SearchException("trials must be 0 (no limit) or more, got " + trials);
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new SearchException("timeout must be positive, got " + timeout);
        }
        if (trials == 0 && timeout == null) {
            throw new SearchException("give a number of trials or a timeout, got neither");
        }
        stopOn = List.copyOf(stopOn);
        callbacks = List.copyOf(callbacks);
    }

    /** Options whose study-wide budget, if {@code studyWide}, is the fixed {@code trials}. */
    public OptimizeOptions(int trials, Duration timeout, SlotPool slots, List<Class<? extends Throwable>> stopOn,
                           List<TrialCallback> callbacks, boolean studyWide) {
        this(trials, timeout, slots, stopOn, callbacks, studyWide, null);
    }

    /** The study-wide budget to claim the next trial within: {@link #budget}'s current value, else {@link #trials}. */
    public int currentBudget() {
        return budget == null ? trials : budget.getAsInt();
    }

    /** Options whose trial count is for this call only. */
    public OptimizeOptions(int trials, Duration timeout, SlotPool slots, List<Class<? extends Throwable>> stopOn,
                           List<TrialCallback> callbacks) {
        this(trials, timeout, slots, stopOn, callbacks, false);
    }

    /**
     * Runs until the study as a whole has {@code n} trials (counting those of earlier runs and of
     * other processes), one at a time in this process: what workers sharing a study use, and how a study is
     * resumed to its budget.
     */
    public static OptimizeOptions studyBudget(int n) {
        if (n < 1) {
            throw new SearchException("a study budget needs at least 1 trial, got " + n);
        }
        return new OptimizeOptions(n, null, SlotPool.cpus(1), List.of(), List.of(), true);
    }

    /**
     * {@code n} trials, one at a time, each seeing every trial finished before it (as {@link Study#optimize(Objective,
     * int)}). {@link #withParallelism(int)} or {@link #withSlotPerCore()} run several at once; the objective must then
     * be thread-safe. What a seed then reproduces: see {@link Study#optimize(Objective, OptimizeOptions)}.
     */
    public static OptimizeOptions trials(int n) {
        return new OptimizeOptions(n, null, SlotPool.cpus(1), List.of(), List.of());
    }

    /** Runs until {@code timeout}, one trial at a time (see {@link #trials(int)}). */
    public static OptimizeOptions timeout(Duration timeout) {
        return new OptimizeOptions(0, timeout, SlotPool.cpus(1), List.of(), List.of());
    }

    public OptimizeOptions withTrials(int n) {
        return new OptimizeOptions(n, timeout, slots, stopOn, callbacks, studyWide, budget);
    }

    public OptimizeOptions withTimeout(Duration t) {
        return new OptimizeOptions(trials, t, slots, stopOn, callbacks, studyWide, budget);
    }

    /** Runs {@code n} trials at once on CPU slots {@code cpu:0..n-1}; with more than one the objective must be thread-safe. */
    public OptimizeOptions withParallelism(int n) {
        return new OptimizeOptions(trials, timeout, SlotPool.cpus(n), stopOn, callbacks, studyWide, budget);
    }

    /** Runs on these slots (e.g. {@code gpu:0..3}); one trial per slot at a time. */
    public OptimizeOptions withSlots(SlotPool pool) {
        return new OptimizeOptions(trials, timeout, pool, stopOn, callbacks, studyWide, budget);
    }

    /** One CPU slot per core: as many trials at once as the machine has cores; the objective must be thread-safe. */
    public OptimizeOptions withSlotPerCore() {
        return withSlots(SlotPool.perCore());
    }

    /**
     * Exception types that end the run, as Optuna's {@code catch} leaves them uncaught: an objective throwing one fails its
     * trial, no trial starts after it on any slot, the trials already running on other slots finish and are recorded,
     * then {@link Study#optimize} rethrows it. Any other exception fails only its trial.
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // List.of only reads the array, into a list of its own
    public final OptimizeOptions stoppingOn(Class<? extends Throwable>... types) {
        return new OptimizeOptions(trials, timeout, slots, List.of(types), callbacks, studyWide, budget);
    }

    /**
     * Claims each trial within the study-wide budget {@code source} gives at that moment (see {@link #budget}),
     * instead of the fixed {@link #trials}.
     */
    public OptimizeOptions withBudgetSource(IntSupplier source) {
        return new OptimizeOptions(trials, timeout, slots, stopOn, callbacks, true, source);
    }

    public OptimizeOptions withCallback(TrialCallback callback) {
        List<TrialCallback> all = new java.util.ArrayList<>(callbacks);
        all.add(callback);
        return new OptimizeOptions(trials, timeout, slots, stopOn, all, studyWide, budget);
    }
}
