package io.tunelab.cli.run;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;

/**
 * How a study's trials stand against its trial budget when a run starts, counted as the storage counts them
 * ({@link TrialStorage#startTrialWithinBudget}): every trial counts except a FAIL trial {@value
 * TrialStorage#SUPERSEDED} by its retry (an interrupted or stale trial), and a WAITING trial (an enqueued retry or
 * fixed trial) is claimed even when the budget is spent. Immutable.
 *
 * @param started  trials that ran or run (every state but WAITING), superseded ones included
 * @param counting started trials that count toward the budget
 * @param waiting  WAITING trials
 */
record BudgetStanding(int started, int counting, int waiting) {

    /** Counts the study's trials as they are now. */
    static BudgetStanding of(Study study) {
        int started = 0;
        int counting = 0;
        int waiting = 0;
        for (FrozenTrial t : study.trials()) {
            if (t.state() == TrialState.WAITING) {
                waiting++;
            } else {
                started++;
                if (!(t.state() == TrialState.FAIL && Boolean.TRUE.equals(t.systemAttrs().get(TrialStorage.SUPERSEDED)))) {
                    counting++;
                }
            }
        }
        return new BudgetStanding(started, counting, waiting);
    }

    /** Trials a budget of {@code budget} (above 0) still runs: the waiting ones, then new ones up to the budget. */
    int toRun(int budget) {
        return waiting + Math.max(0, budget - counting - waiting);
    }

    /**
     * The parenthesised part of the run's first line: {@code budget 3 trials} for a new study, {@code 1 trial so
     * far, 0 counting toward the budget of 2; 2 to run} for a resumed one, {@code until the deadline} for a budget
     * of 0.
     */
    String describe(int budget) {
        String bound = budget > 0 ? "budget " + trials(budget) : "until the deadline";
        if (started == 0) {
            return bound;
        }
        String soFar = trials(started) + " so far";
        return budget > 0 ? soFar + ", " + counting + " counting toward the " + bound.replace("budget ", "budget of ")
                + "; " + toRun(budget) + " to run" : soFar + ", " + bound;
    }

    private static String trials(int n) {
        return n + (n == 1 ? " trial" : " trials");
    }
}
