package io.tunelab.search.study;

import io.tunelab.search.exec.Slot;
import io.tunelab.search.pruner.PruneDecision;
import io.tunelab.search.storage.StorageException;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialPrunedException;
import io.tunelab.search.trial.TrialState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the ask → objective → tell loop of one {@link Study#optimize} call over the option's slots:
 * one worker thread per slot, each trial holding its slot until it ends in any state.
 */
final class TrialRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TrialRunner.class);
    /** How long a claim is retried while the storage is unreachable, for a storage that does not say its own. */
    static final Duration CLAIM_TOLERANCE = Duration.ofMinutes(2);
    private static final int MAX_WARNED = 1000;
    private static final String UNUSABLE = " (an error of the Java virtual machine itself: the study stops)";

    private final Study study;
    private final MultiObjective objective;
    private final OptimizeOptions options;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicReference<Throwable> abort = new AtomicReference<>();
    private final long deadline;
    private final Object askLock = new Object();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    /** Whether the current outage was said while claiming (once, whatever the number of slots). */
    private final AtomicBoolean claimOutageSaid = new AtomicBoolean();
    private final int window;

    /** Runs with deterministic window {@code window} for every ask (0: off). */
    TrialRunner(Study study, MultiObjective objective, OptimizeOptions options, int window) {
        this.window = window;
        this.study = study;
        this.objective = objective;
        this.options = options;
        this.deadline = options.timeout() == null ? Long.MAX_VALUE : System.nanoTime() + options.timeout().toNanos();
    }

    void run() {
        int workers = options.slots().size();
        if (workers == 1) {
            work();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "tunelab-trial-" + study.name());
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < workers; i++) {
                    futures.add(pool.submit(this::work));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                study.stop();
            } catch (ExecutionException e) {
                abort.compareAndSet(null, e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        rethrowAbort();
    }

    private void rethrowAbort() {
        Throwable t = abort.get();
        if (t == null) {
            return;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new StudyException("study '" + study.name() + "' stopped: " + t.getMessage(), t);
    }

    private boolean mayStart() {
        if (abort.get() != null || study.stopRequested() || System.nanoTime() >= deadline) {
            return false;
        }
        if (options.trials() == 0 || options.studyWide()) {
            return true;
        }
        return started.getAndIncrement() < options.trials();
    }

    /**
     * Asks for the next trial unless the run is ending (an exception of {@link OptimizeOptions#stopOn}, a stop), the
     * sampler is exhausted or the study-wide budget is spent. Checking and asking happen under one lock so that parallel
     * workers never start more trials than a finite sampler (a grid) has, nor one after the run began to end.
     */
    private LiveTrial askUnlessExhausted(Slot slot) {
        synchronized (askLock) {
            if (abort.get() != null || study.stopRequested() || study.sampler().isExhausted(study)) {
                return null;
            }
            if (options.studyWide()) {
                return (LiveTrial) study.askWithinBudget(slot, options.currentBudget(), window).orElse(null);
            }
            return (LiveTrial) study.ask(slot, window);
        }
    }

    private void work() {
        while (mayStart()) {
            Slot slot;
            try {
                slot = options.slots().acquire(Duration.ofDays(365));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            boolean more;
            try {
                more = runOne(slot);
            } finally {
                options.slots().release(slot);
            }
            if (!more) {
                return;
            }
        }
    }

    /** Runs one trial on {@code slot}; returns false when the sampler has nothing left. */
    private boolean runOne(Slot slot) {
        LiveTrial trial;
        try {
            trial = claim(slot);
        } catch (RuntimeException e) {
            abort.compareAndSet(null, e);
            return false;
        }
        if (trial == null) {
            return false;
        }
        FrozenTrial done;
        try {
            double[] values = objective.evaluate(trial);
            done = finish(trial, TrialState.COMPLETE, values, null);
            if (done.state() == TrialState.FAIL) { // values NaN, infinite or too few: as worth a warning as an exception
                warnFailed(done.number(), done.message(), null);
            }
        } catch (TrialPrunedException e) {
            done = finish(trial, TrialState.PRUNED, new double[0], pruneMessage(trial, e));
        } catch (Exception e) {
            if (stopsStudy(e)) { // before the outcome is recorded, which takes time: no other slot starts a trial meanwhile
                abort.compareAndSet(null, e);
            }
            if (!OutageBackoff.unreachable(e)) {
                keepTrace(trial, e);
            }
            String message = OutageBackoff.unreachable(e) ? TrialStorage.INTERRUPTION_PREFIX + "the storage was unreachable"
                    + " while this trial ran (" + describe(e) + ")" : describe(e);
            done = finish(trial, TrialState.FAIL, new double[0], message);
            warnFailed(trial.number(), message, e);
        } catch (Error e) {
            if (leavesProcessUnusable(e)) {
                finish(trial, TrialState.FAIL, new double[0], describe(e) + UNUSABLE);
                abort.compareAndSet(null, e);
                return false;
            }
            keepTrace(trial, e);
            done = finish(trial, TrialState.FAIL, new double[0], describeError(e));
            warnFailed(trial.number(), done.message(), e);
        }
        if (done.state() == TrialState.FAIL && done.message() != null && !done.message().isEmpty()) {
            LOG.debug("Trial {} ended as FAIL: {}", done.number(), done.message());
        }
        for (TrialCallback callback : options.callbacks()) {
            try {
                callback.afterTrial(study, done);
            } catch (RuntimeException e) {
                abort.compareAndSet(null, e);
            }
        }
        return true;
    }

    /**
     * Claims the next trial ({@link #askUnlessExhausted}), or null when there is none to run. While the storage is
     * unreachable (it throws {@link StorageException} UNAVAILABLE) the claim is tried again with back-off until its
     * {@link TrialStorage#outageTolerance} (else {@link #CLAIM_TOLERANCE}) has passed since the first failed attempt
     * began; the outage is logged once, and the study goes on when the storage answers. A storage that waits out an
     * outage itself has used up that tolerance when it throws, so the study waits no longer than each of its calls does.
     * After the tolerance the study stops with an UNAVAILABLE {@link StorageException} saying what to do: nothing is
     * lost (finished trials are recorded, the outcomes of running ones are kept until written).
     */
    private LiveTrial claim(Slot slot) {
        long began = System.nanoTime();
        Duration tolerance = study.storage().outageTolerance().orElse(CLAIM_TOLERANCE);
        OutageBackoff backoff = new OutageBackoff();
        while (true) {
            try {
                LiveTrial trial = askUnlessExhausted(slot);
                if (claimOutageSaid.compareAndSet(true, false)) {
                    LOG.warn("Study '{}' claims trials again: the storage answers", study.name());
                }
                return trial;
            } catch (RuntimeException e) {
                if (!OutageBackoff.unreachable(e)) {
                    throw e;
                }
                Duration left = tolerance.minusNanos(System.nanoTime() - began);
                if (left.isNegative() || left.isZero()) {
                    throw new StorageException(StorageException.Kind.UNAVAILABLE, "study '" + study.name() + "' stopped:"
                            + " no trial could be claimed for " + OutageBackoff.human(tolerance) + ": " + e.getMessage() + ". Nothing"
                            + " is lost: finished trials are recorded, and a trial cut short is retried. Run the study again"
                            + " (or start the worker again) once the storage is reachable; it resumes where it stopped", e);
                }
                if (claimOutageSaid.compareAndSet(false, true)) {
                    LOG.warn("Cannot claim the next trial of study '{}': {}; retrying for up to {}", study.name(),
                            e.getMessage(), OutageBackoff.human(tolerance));
                }
                if (!backoff.pause(left) || abort.get() != null || study.stopRequested() || System.nanoTime() >= deadline) {
                    return null;
                }
            }
        }
    }

    /**
     * Ends {@code trial} as {@code state}. While the storage is unreachable for longer than it waits out itself (it
     * throws {@link StorageException} UNAVAILABLE), the outcome is kept here and written once the storage answers
     * again, trying with back-off: a trial's result is never dropped for an outage, and the study goes on after it.
     * When the trial was finished meanwhile by another process (failed as stale while this one could not send its
     * heartbeats) and the storage could not record the outcome on its retry ({@link TrialStorage#finishTrial}: a worker
     * already runs the retry), the outcome is logged with its values and the study goes on.
     */
    private FrozenTrial finish(LiveTrial trial, TrialState state, double[] values, String message) {
        OutageBackoff backoff = new OutageBackoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return study.finish(trial.id(), state, values, message, false);
            } catch (StorageException e) {
                if (e.kind() == StorageException.Kind.CONFLICT) {
                    FrozenTrial now = study.storage().trial(trial.id());
                    if (!now.state().isFinished()) {
                        throw e;
                    }
                    LOG.warn("Trial {} of study '{}' ended as {} with values {}, but it was recorded as {} meanwhile ({})"
                            + " and its outcome can no longer be recorded: {}", trial.number(), study.name(), state,
                            java.util.Arrays.toString(values), now.state(), now.message(), e.getMessage());
                    return now;
                }
                if (e.kind() != StorageException.Kind.UNAVAILABLE) {
                    throw e;
                }
                if (attempt == 1) {
                    LOG.warn("Trial {} of study '{}' ended as {}, but the storage is unreachable ({}); the outcome is kept"
                            + " and written when the storage answers again", trial.number(), study.name(), state, e.getMessage());
                }
                if (!backoff.pause(Duration.ofMillis(OutageBackoff.MAX_PAUSE_MS))) {
                    throw e;
                }
            }
        }
    }

    /**
     * Logs a trial's failure as a warning the first time its message is seen in this run, as debug after that, so that a
     * study file's mistake shared by every trial is said once; the stack trace goes to the debug log (the command line's
     * {@code --debug}) and, kept by {@link #keepTrace}, to the trial. A warning about an exception that is not Tunelab's
     * own (a bug in the objective) says where its trace is; {@code e} is null for values that do not fit the study.
     */
    private void warnFailed(int number, String message, Throwable e) {
        if (warned.size() >= MAX_WARNED || warned.add(message)) {
            String where = e == null || e.getClass().getName().startsWith("io.tunelab.") ? ""
                    : " (stack trace: the trial's system attribute " + FailTrace.ATTR + ", or the debug log)";
            LOG.warn("Trial {} of study '{}' failed: {}{}", number, study.name(), message, where);
        } else {
            LOG.debug("Trial {} of study '{}' failed as an earlier trial did: {}", number, study.name(), message);
        }
        if (e != null) {
            LOG.debug("Trial {} of study '{}' failed at", number, study.name(), e);
        }
    }

    /**
     * Keeps the start of the failure's stack trace, at most {@value FailTrace#MAX_CHARS} characters, as the trial's
     * system attribute {@value FailTrace#ATTR}; a trial finished meanwhile (the study was abandoned) keeps none.
     */
    private void keepTrace(LiveTrial trial, Throwable e) {
        try {
            study.storage().setSystemAttr(trial.id(), FailTrace.ATTR, FailTrace.of(e));
        } catch (StorageException notKept) {
            LOG.debug("Trial {} keeps no stack trace: {}", trial.number(), notKept.getMessage());
        }
    }

    private static String pruneMessage(LiveTrial trial, TrialPrunedException e) {
        PruneDecision d = trial.pruneDecision();
        return d != null ? d.reason() : e.getMessage();
    }

    private boolean stopsStudy(Exception e) {
        return options.stopOn().stream().anyMatch(type -> type.isInstance(e));
    }

    /**
     * Errors after which the JVM cannot be trusted to run more trials: a failure of the virtual machine
     * itself ({@link InternalError}, {@link UnknownError}). The heap's {@link OutOfMemoryError} and a
     * {@link StackOverflowError} are not: the trial's objects are unreachable once it ends, its stack unwound.
     */
    static boolean leavesProcessUnusable(Error e) {
        return e instanceof InternalError || e instanceof UnknownError;
    }

    /** The FAIL message of a trial ended by an {@link Error} the study survives. */
    static String describeError(Error e) {
        if (e instanceof OutOfMemoryError) {
            return describe(e) + " (the trial ran out of Java heap; its memory was released and the study goes on;"
                    + " give the JVM more with -Xmx, or make the trial smaller)";
        }
        if (e instanceof StackOverflowError) {
            return describe(e) + " (the trial's recursion went too deep; the study goes on; -Xss raises the stack size)";
        }
        return describe(e);
    }

    /**
     * A trial's FAIL message on one line: the exception's message, after its simple class name unless the exception is
     * Tunelab's own (whose messages say what went wrong in the user's terms; a class name such as {@code
     * TrainersException} adds nothing) and has a message. A line break with the blanks around it (native libraries
     * such as XGBoost put their own stack into the message) becomes one space, so that the message stays one row of
     * {@code tunelab trials} and one line of the log.
     */
    static String describe(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        String line = m.strip().replaceAll("\\s*\\R\\s*", " ");
        return e.getClass().getName().startsWith("io.tunelab.") ? line : e.getClass().getSimpleName() + ": " + line;
    }

}
