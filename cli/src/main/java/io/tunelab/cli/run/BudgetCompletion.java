package io.tunelab.cli.run;

import io.tunelab.search.exec.SlotPool;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.MultiObjective;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.study.TrialCallback;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * Runs a worker's share of a study-wide budget, then stays while trials of other workers are still
 * unsettled (see {@link TrialStorage#unsettledTrials}): one of those workers may die, its trial be
 * failed as stale and retried, and a worker that already left could not run the retry. While it waits
 * it polls once per {@linkplain TrialStorage#heartbeatInterval heartbeat interval}, reaping stale trials
 * and claiming retries, and it stops waiting at the study's deadline. Storages without heartbeats (in
 * memory) never leave anything to wait for. Not thread-safe; one per run.
 */
public final class BudgetCompletion {
    private final TrialStorage storage;
    private final PrintWriter out;

    public BudgetCompletion(TrialStorage storage, PrintWriter out) {
        this.storage = storage;
        this.out = out;
    }

    /**
     * Optimises until the study has {@code budget} trials and none of other workers is unsettled, or
     * until {@code deadlineMillis} (epoch milliseconds, 0 for none), or until {@code stopped} says a
     * callback stopped the study.
     */
    public void optimize(Study study, MultiObjective objective, int budget, long deadlineMillis, SlotPool slots,
                  List<TrialCallback> callbacks, BooleanSupplier stopped) {
        optimize(study, objective, budget, () -> budget, deadlineMillis, slots, callbacks, stopped);
    }

    /**
     * As {@link #optimize(Study, MultiObjective, int, long, SlotPool, List, BooleanSupplier)}, but each trial is
     * claimed within the budget {@code current} gives at that moment (another process may raise or lower it) rather
     * than the fixed {@code budget}; a worker whose budget is spent asks once more before it leaves.
     */
    void optimize(Study study, MultiObjective objective, int budget, IntSupplier current, long deadlineMillis,
                  SlotPool slots, List<TrialCallback> callbacks, BooleanSupplier stopped) {
        boolean announced = false;
        while (true) {
            Duration timeout = deadlineMillis == 0 ? null : Duration.ofMillis(deadlineMillis - System.currentTimeMillis());
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                return;
            }
            OptimizeOptions options = new OptimizeOptions(budget, timeout, slots, List.of(), callbacks, budget > 0);
            study.optimizeMulti(objective, budget > 0 ? options.withBudgetSource(current) : options);
            Optional<Duration> poll = storage.heartbeatInterval();
            if (budget == 0 || poll.isEmpty() || stopped.getAsBoolean()) {
                return;
            }
            int unsettled = storage.unsettledTrials(study.studyId());
            if (unsettled == 0) {
                return;
            }
            if (!announced) {
                out.println("Waiting for " + unsettled + " trial(s) of other workers to end; if a worker dies, its"
                        + " trial is retried here.");
                out.flush();
                announced = true;
            }
            try {
                Thread.sleep(poll.get().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
