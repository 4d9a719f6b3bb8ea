package io.tunelab.cli.run;

import io.tunelab.search.storage.TrialBudget;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;

/**
 * How a study's trials stand against its trial budget when a run starts, counted by {@link TrialBudget}, the rule
 * the storage enforces: every trial counts except a FAIL trial superseded by its retry (an interrupted or stale
 * trial), and a WAITING trial (an enqueued retry or fixed trial) is claimed even when the budget is spent. Immutable.
 *
 * @param started  trials that ran or run (every state but WAITING), superseded ones included
 * @param counting started trials that count toward the budget
 * @param finished counting trials that finished (the progress line's count when the run begins)
 * @param waiting  WAITING trials
 */
record BudgetStanding(int started, int counting, int finished, int waiting) {

    /** Counts the study's trials as they are now. */
    static BudgetStanding of(Study study) {
        int started = 0;
        int counting = 0;
        int finished = 0;
        int waiting = 0;
        for (FrozenTrial t : study.trials()) {
            if (t.state() == TrialState.WAITING) {
                waiting++;
            } else {
                started++;
                if (TrialBudget.counts(t)) {
                    counting++;
                    if (t.state().isFinished()) {
                        finished++;
                    }
                }
            }
        }
        return new BudgetStanding(started, counting, finished, waiting);
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
