package io.tunelab.search.study;

import io.tunelab.search.exec.Slot;
import io.tunelab.search.storage.StorageException;
import io.tunelab.search.storage.TrialStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * one worker thread per slot, each trial holding its slot until it ends in any state. This class decides when trials
 * start and claims them (riding out storage outages); a {@link TrialExecution} runs each one.
 */
final class TrialRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TrialRunner.class);
    /** How long a claim is retried while the storage is unreachable, for a storage that does not say its own. */
    static final Duration CLAIM_TOLERANCE = Duration.ofMinutes(2);

    private final Study study;
    private final OptimizeOptions options;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicReference<Throwable> abort = new AtomicReference<>();
    private final long deadline;
    private final Object askLock = new Object();
    /** Whether the current outage was said while claiming (once, whatever the number of slots). */
    private final AtomicBoolean claimOutageSaid = new AtomicBoolean();
    private final int window;
    private final TrialExecution execution;

    /** Runs with deterministic window {@code window} for every ask (0: off). */
    TrialRunner(Study study, MultiObjective objective, OptimizeOptions options, int window) {
        this.window = window;
        this.study = study;
        this.options = options;
        this.execution = new TrialExecution(study, objective, options, abort);
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
        return execution.run(trial);
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
}
