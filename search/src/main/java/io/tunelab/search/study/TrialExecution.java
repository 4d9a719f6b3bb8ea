package io.tunelab.search.study;

import io.tunelab.search.pruner.PruneDecision;
import io.tunelab.search.storage.StorageException;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialPrunedException;
import io.tunelab.search.trial.TrialState;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one claimed trial of a {@link TrialRunner}'s run: evaluates the objective, records the outcome (COMPLETE,
 * PRUNED, or FAIL with a one-line message and the stack trace kept on the trial), warns of failures once per message
 * and calls the run's {@link TrialCallback}s. An exception that must end the run (one of {@link OptimizeOptions#stopOn},
 * a failing callback, an error that leaves the JVM unusable) is set as the run's abort, first one wins. Thread-safe:
 * the run's workers share one.
 */
final class TrialExecution {
    /** The trials' outcomes are the runner's to say: logged under its name, as before they had a class of their own. */
    private static final Logger LOG = LoggerFactory.getLogger(TrialRunner.class);
    private static final int MAX_WARNED = 1000;

    private final Study study;
    private final MultiObjective objective;
    private final OptimizeOptions options;
    private final AtomicReference<Throwable> abort;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    TrialExecution(Study study, MultiObjective objective, OptimizeOptions options, AtomicReference<Throwable> abort) {
        this.study = study;
        this.objective = objective;
        this.options = options;
        this.abort = abort;
    }

    /** Runs {@code trial} to its end; false when the run must stop (the JVM is no longer usable). */
    boolean run(LiveTrial trial) {
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
                    + " while this trial ran (" + FailMessages.describe(e) + ")" : FailMessages.describe(e);
            done = finish(trial, TrialState.FAIL, new double[0], message);
            warnFailed(trial.number(), message, e);
        } catch (Error e) {
            if (FailMessages.leavesProcessUnusable(e)) {
                finish(trial, TrialState.FAIL, new double[0], FailMessages.describe(e) + FailMessages.UNUSABLE);
                abort.compareAndSet(null, e);
                return false;
            }
            keepTrace(trial, e);
            done = finish(trial, TrialState.FAIL, new double[0], FailMessages.describeError(e));
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
                            Arrays.toString(values), now.state(), now.message(), e.getMessage());
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
}
