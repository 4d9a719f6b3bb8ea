package io.tunelab.search.study;

import io.tunelab.search.exec.Slot;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.storage.StorageException;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the trials of one {@link Study} ({@link Study#ask}): claims an enqueued trial or creates one, lets the sampler
 * prepare it (its relative sample and attributes, from one {@link AskSnapshot} of the study) and counts it as
 * {@linkplain RunningTrials running here}. A trial that cannot be prepared is ended as FAIL before the error is thrown.
 * With a deterministic window, asks are serialised and each waits for the trials its sampler must see finished.
 * Thread-safe.
 */
final class TrialAsker {
    private final Study study;
    private final TrialStorage storage;
    private final Sampler sampler;
    private final RunningTrials running;
    private final Object askOrder = new Object();

    TrialAsker(Study study, TrialStorage storage, Sampler sampler, RunningTrials running) {
        this.study = study;
        this.storage = storage;
        this.sampler = sampler;
        this.running = running;
    }

    /** An enqueued trial if one waits, else a new one, holding {@code slot}; deterministic window {@code window} (0: off). */
    Trial ask(Slot slot, int window) {
        if (window > 0) {
            synchronized (askOrder) {
                return prepare(storage.claimWaitingTrial(study.studyId())
                        .orElseGet(() -> storage.createRunningTrial(study.studyId())), slot, window);
            }
        }
        return prepare(storage.claimWaitingTrial(study.studyId())
                .orElseGet(() -> storage.createRunningTrial(study.studyId())), slot, window);
    }

    /** A trial holding {@code slot} if the study has fewer than {@code budget}, as {@link #ask}; empty when it has not. */
    Optional<Trial> askWithinBudget(Slot slot, int budget, int window) {
        if (window > 0) {
            synchronized (askOrder) {
                return storage.startTrialWithinBudget(study.studyId(), budget).map(t -> prepare(t, slot, window));
            }
        }
        return storage.startTrialWithinBudget(study.studyId(), budget).map(t -> prepare(t, slot, window));
    }

    /**
     * Enqueues a trial with these parameters and user attributes ({@link Study#enqueueTrial(Map, Map)}), refusing a
     * user attribute named as one of {@link Study#RESERVED_ATTRS} with a {@link StudyException}: nothing is enqueued then.
     */
    FrozenTrial enqueue(Map<String, Object> params, Map<String, Object> userAttrs) {
        for (String name : userAttrs.keySet()) {
            if (Study.RESERVED_ATTRS.contains(name)) {
                throw new StudyException("enqueueTrial: user attribute '" + name + "' is named as a system attribute"
                        + " Tunelab sets itself (" + String.join(", ", Study.RESERVED_ATTRS) + "); choose another name");
            }
        }
        return storage.createWaitingTrial(study.studyId(), params, Map.of(), userAttrs);
    }

    private Trial prepare(FrozenTrial trial, Slot slot, int window) {
        study.spaceChangeWarning().asked(trial.number());
        try {
            storage.setSystemAttr(trial.id(), "slot", slot.id());
            AskSnapshot view = new AskSnapshot(new InRangeView(samplerView(trial, window)));
            sampler.beforeTrial(view, trial);
            Map<String, Distribution> space = sampler.relativeSearchSpace(view, trial);
            Map<String, Double> relative = space.isEmpty() ? Map.of() : sampler.sampleRelative(view, trial, space);
            sampler.trialAttrs(view, trial).forEach((key, value) -> storage.setSystemAttr(trial.id(), key, value));
            view.release();
            running.started(trial);
            running.checkNotAbandoned(study.name());
            return new LiveTrial(study, view, trial, slot, fixedParams(trial), space, relative);
        } catch (RuntimeException e) {
            running.ended(trial.id());
            String abandoned = running.abandoned();
            // a trial the storage could not prepare while unreachable is cut short, not failed: it is retried
            String why = abandoned != null ? abandoned : OutageBackoff.unreachable(e) ? TrialStorage.INTERRUPTION_PREFIX
                    + "the storage was unreachable while this trial started (" + e.getMessage() + ")" : "sampler failed: " + e.getMessage();
            failUnprepared(trial, why, e);
            throw e;
        }
    }

    /**
     * Ends a trial that could not be prepared as FAIL {@code why}, trying again with back-off while the storage is
     * unreachable, for up to its {@link TrialStorage#outageTolerance}: a trial left RUNNING here would keep sending
     * heartbeats and never be retried. After that it stays RUNNING until this process exits (the storage then ends
     * it as interrupted) or, killed, its heartbeats stop; a failure to end it is added to {@code cause}.
     */
    private void failUnprepared(FrozenTrial trial, String why, RuntimeException cause) {
        Duration tolerance = storage.outageTolerance().orElse(TrialRunner.CLAIM_TOLERANCE);
        long began = System.nanoTime();
        OutageBackoff backoff = new OutageBackoff();
        while (true) {
            try {
                storage.finishTrial(trial.id(), TrialState.FAIL, List.of(), why);
                return;
            } catch (StorageException e) {
                Duration left = tolerance.minusNanos(System.nanoTime() - began);
                if (!OutageBackoff.unreachable(e) || left.isNegative() || left.isZero() || !backoff.pause(left)) {
                    cause.addSuppressed(e);
                    return;
                }
            }
        }
    }

    /**
     * The study itself, or in deterministic mode a {@link DeterministicView} once every trial it shows as
     * it is has finished (polled; those trials run on other workers or in other processes).
     */
    private StudyView samplerView(FrozenTrial trial, int window) {
        if (window == 0) {
            return study;
        }
        int last = DeterministicView.lastVisible(trial.number(), window);
        while (study.trials(EnumSet.of(TrialState.RUNNING, TrialState.WAITING)).stream().anyMatch(t -> t.number() <= last)) {
            running.checkNotAbandoned(study.name());
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StudyException("interrupted while trial " + trial.number() + " waited for trial " + last
                        + " and earlier to finish (deterministic mode)");
            }
        }
        return new DeterministicView(study, trial.number(), window);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fixedParams(FrozenTrial trial) {
        Object fixed = trial.systemAttrs().get("fixed_params");
        return fixed instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
