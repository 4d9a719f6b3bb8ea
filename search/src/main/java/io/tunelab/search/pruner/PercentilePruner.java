package io.tunelab.search.pruner;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Stops a trial whose best intermediate value so far is worse than a percentile of the values the
 * COMPLETE trials reported at the trial's latest step, as Optuna's {@code PercentilePruner} does.
 * PRUNED, FAIL and RUNNING trials never count: were pruned trials counted, every pruned curve would
 * drag the percentile towards the bad values and pruning would soften as it works. The percentile
 * counts from the best, whatever the direction: {@code percentile = 25} keeps a trial only while it
 * is within the best quarter.
 *
 * <p>A trial is judged only when all of these hold, otherwise it is kept with a reason saying which
 * rule held it back: at least one and at least {@code startupTrials} trials have COMPLETEd; its
 * latest step is at least {@code firstStep + warmupSteps}; the latest step is the first reported step at
 * or after a pruning step {@code firstStep + warmupSteps + k * intervalSteps}; and at least {@code
 * minTrials} COMPLETE trials reported a value at that very step.
 *
 * <p>Steps count from {@code firstStep}, the step of a trial's first report. It is 0 by default, as in
 * Optuna, whose warm-up "assumes that step starts at zero" (Keras's epochs, folds): {@code warmupSteps = N}
 * then spares steps {@code 0..N-1}. Objectives that number their steps from 1 (Tunelab's trainers report
 * epoch {@code e} as step {@code e}, from 1) say so with {@link #withFirstStep withFirstStep(1)}, and
 * {@code warmupSteps = N} spares their first N epochs, steps {@code 1..N}. A trial whose every value is
 * NaN is pruned. A NaN reported by another trial counts as the worst possible value (Optuna ignores it
 * instead).
 *
 * <p>Immutable and thread-safe; the decision depends only on the history it is given.
 *
 * @param percentile    in {@code [0, 100]}
 * @param startupTrials COMPLETE trials needed before anything is pruned, {@code >= 0}
 * @param warmupSteps   the first this many steps from {@code firstStep} are never pruned, {@code >= 0}
 * @param intervalSteps pruning happens every this many steps after the warm-up, {@code >= 1}
 * @param minTrials     COMPLETE trials' values needed at a step to judge it, {@code >= 1}
 * @param firstStep     the step steps count from: 0 (Optuna's), or 1 for epochs numbered from 1, {@code >= 0}
 */
public record PercentilePruner(double percentile, int startupTrials, int warmupSteps, int intervalSteps,
                               int minTrials, int firstStep) implements Pruner {

    public PercentilePruner {
        if (!(percentile >= 0 && percentile <= 100)) {
            throw new PrunerException("percentile must be in [0, 100], got " + percentile);
        }
        PrunerException.atLeast("startupTrials", startupTrials, 0);
        PrunerException.atLeast("warmupSteps", warmupSteps, 0);
        PrunerException.atLeast("intervalSteps", intervalSteps, 1);
        PrunerException.atLeast("minTrials", minTrials, 1);
        PrunerException.atLeast("firstStep", firstStep, 0);
    }

    /** Steps counted from 0, as in Optuna. */
    public PercentilePruner(double percentile, int startupTrials, int warmupSteps, int intervalSteps, int minTrials) {
        this(percentile, startupTrials, warmupSteps, intervalSteps, minTrials, 0);
    }

    /** Optuna's defaults: 5 startup trials, no warm-up, every step, one value needed. */
    public static PercentilePruner of(double percentile) {
        return new PercentilePruner(percentile, 5, 0, 1, 1);
    }

    public PercentilePruner withStartupTrials(int n) {
        return new PercentilePruner(percentile, n, warmupSteps, intervalSteps, minTrials, firstStep);
    }

    public PercentilePruner withWarmupSteps(int n) {
        return new PercentilePruner(percentile, startupTrials, n, intervalSteps, minTrials, firstStep);
    }

    public PercentilePruner withIntervalSteps(int n) {
        return new PercentilePruner(percentile, startupTrials, warmupSteps, n, minTrials, firstStep);
    }

    public PercentilePruner withMinTrials(int n) {
        return new PercentilePruner(percentile, startupTrials, warmupSteps, intervalSteps, n, firstStep);
    }

    /** The same pruner with steps counted from {@code step}: 1 for epochs numbered from 1. */
    public PercentilePruner withFirstStep(int step) {
        return new PercentilePruner(percentile, startupTrials, warmupSteps, intervalSteps, minTrials, step);
    }

    @Override
    public PruneDecision evaluate(StudyView study, FrozenTrial trial) {
        return judge(study, trial, "top-" + Curves.format(percentile) + "% cut-off");
    }

    /** The decision, with the threshold called {@code label} in reasons (e.g. "median"). */
    PruneDecision judge(StudyView study, FrozenTrial trial, String label) {
        List<FrozenTrial> completed = study.trials(EnumSet.of(TrialState.COMPLETE));
        int complete = completed.size();
        if (complete == 0 || complete < startupTrials) {
            return PruneDecision.keep("only " + complete + " of the " + Math.max(1, startupTrials)
                    + " startup trials have completed");
        }
        if (trial.intermediateValues().isEmpty()) {
            return PruneDecision.keep("no value reported yet");
        }
        int step = trial.intermediateValues().lastKey();
        int firstPruned = firstStep + warmupSteps;
        if (step < firstPruned) {
            return PruneDecision.keep("step " + step + " is within the " + warmupSteps + " warm-up steps"
                    + (firstStep == 0 ? "" : " from step " + firstStep));
        }
        int pruningStep = (step - firstPruned) / intervalSteps * intervalSteps + firstPruned;
        if (Curves.stepBefore(trial, step) >= pruningStep) {
            return PruneDecision.keep("step " + step + " is not a pruning step (every " + intervalSteps
                    + " steps from step " + firstPruned + ", and step " + pruningStep + " was already judged)");
        }
        Direction direction = study.direction();
        double best = Curves.bestSoFar(trial, direction);
        if (Double.isNaN(best)) {
            return PruneDecision.prune(step, best, Double.NaN, "every value up to step " + step + " is NaN");
        }
        double[] losses = completed.stream()
                .filter(t -> t.number() != trial.number())
                .map(t -> t.intermediateValues().get(step))
                .filter(Objects::nonNull)
                .mapToDouble(v -> Curves.loss(direction, v))
                .sorted()
                .toArray();
        if (losses.length < minTrials) {
            return PruneDecision.keep("only " + losses.length + " trials reported step " + step + ", "
                    + minTrials + " needed");
        }
        double cutLoss = percentileOf(losses, percentile);
        double threshold = direction.asLoss(cutLoss);
        boolean worse = direction.asLoss(best) > cutLoss;
        String reason = "best value " + Curves.format(best) + " up to step " + step + " is "
                + (worse ? "" : "not ") + "worse than the " + label + " " + Curves.format(threshold)
                + " of " + losses.length + " trials at that step";
        return worse ? PruneDecision.prune(step, best, threshold, reason)
                : PruneDecision.keep(step, best, threshold, reason);
    }

    /** The {@code p}-th percentile of sorted values, interpolated linearly between ranks (numpy's default). */
    static double percentileOf(double[] sorted, double p) {
        double position = p / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(position);
        int hi = (int) Math.ceil(position);
        double fraction = position - lo;
        if (fraction == 0 || sorted[lo] == sorted[hi]) {
            return sorted[lo];
        }
        return sorted[lo] + fraction * (sorted[hi] - sorted[lo]);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", "percentile");
        d.put("percentile", percentile);
        putOptions(d);
        return d;
    }

    void putOptions(Map<String, Object> d) {
        d.put("startup_trials", startupTrials);
        d.put("warmup_steps", warmupSteps);
        d.put("interval_steps", intervalSteps);
        d.put("min_trials", minTrials);
        d.put("first_step", firstStep);
    }
}
