package io.tunelab.search.storage;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.Map;

/**
 * Which trials count toward a study's trial budget, the one rule that {@link TrialStorage#startTrialWithinBudget}
 * enforces (database storages say the same in SQL) and that every count shown to a user follows: a trial counts in
 * every state except a FAIL trial marked {@value TrialStorage#SUPERSEDED} (a stale or interrupted trial whose retry
 * takes its place, so that the retry alone counts). Stateless.
 */
public final class TrialBudget {
    private TrialBudget() {
    }

    /** Whether a trial in {@code state} with these system attributes was superseded by its retry. */
    public static boolean superseded(TrialState state, Map<String, Object> systemAttrs) {
        return state == TrialState.FAIL && Boolean.TRUE.equals(systemAttrs.get(TrialStorage.SUPERSEDED));
    }

    /** Whether {@code trial} counts toward its study's budget: it was not {@linkplain #superseded superseded}. */
    public static boolean counts(FrozenTrial trial) {
        return !superseded(trial.state(), trial.systemAttrs());
    }
}
