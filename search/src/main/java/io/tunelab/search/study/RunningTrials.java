package io.tunelab.search.study;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trials one {@link Study} started in this process and has not finished, and whether the study was abandoned
 * ({@link Study#abandonRunning}): once it is, no trial may start here any more. Thread-safe.
 */
final class RunningTrials {
    /** Trial id to trial number. */
    private final Map<Long, Integer> running = new ConcurrentHashMap<>();
    private volatile String abandoned;

    /** Counts {@code trial} as running here. */
    void started(FrozenTrial trial) {
        running.put(trial.id(), trial.number());
    }

    /** Counts trial {@code trialId} as running here no more (whether it was or not). */
    void ended(long trialId) {
        running.remove(trialId);
    }

    /** The numbers of the trials running here, ascending. */
    List<Integer> numbers() {
        return running.values().stream().sorted().toList();
    }

    /** Why the study was abandoned, or null while it was not. */
    String abandoned() {
        return abandoned;
    }

    /** Throws a {@link StudyException} naming study {@code studyName} and the reason once the study was abandoned. */
    void checkNotAbandoned(String studyName) {
        if (abandoned != null) {
            throw new StudyException("study '" + studyName + "' was stopped: " + abandoned);
        }
    }

    /** Records that the study was abandoned for {@code reason}: {@link #checkNotAbandoned} throws from now on. */
    void abandon(String reason) {
        abandoned = reason;
    }

    /**
     * Ends every trial running here as FAIL with {@code reason} and counts none as running any more; returns the trials
     * it ended. A trial its own worker finished meanwhile is left as it is.
     */
    List<FrozenTrial> failAll(TrialStorage storage, String reason) {
        List<FrozenTrial> ended = new ArrayList<>();
        for (Long id : List.copyOf(running.keySet())) {
            try {
                if (storage.finishTrial(id, TrialState.FAIL, List.of(), reason)) {
                    ended.add(storage.trial(id));
                }
            } catch (RuntimeException e) {
                // finished concurrently by its own worker: nothing to abandon
            }
            running.remove(id);
        }
        return ended;
    }
}
