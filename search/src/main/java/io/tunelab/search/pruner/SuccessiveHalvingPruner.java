package io.tunelab.search.pruner;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Asynchronous successive halving, ASHA (L. Li, K. Jamieson, A. Rostamizadeh, E. Gonina, J. Ben-tzur,
 * M. Hardt, B. Recht, A. Talwalkar: "A System for Massively Parallel Hyperparameter Tuning", MLSys
 * 2020), with Optuna's {@code SuccessiveHalvingPruner} semantics.
 *
 * <p>Rung {@code k} sits at step {@code r(k) = minResource * reductionFactor^(minEarlyStoppingRate + k)}.
 * A trial reaches rung {@code k} with its first reported value at or after {@code r(k)}. When the
 * latest report brings a trial to a rung, the trial competes there against every other trial that
 * reached the rung (any state but WAITING; each with its own first value at or after {@code r(k)}): it
 * goes on only if it is among the best {@code 1/reductionFactor} of them all, itself included. While
 * fewer than {@code reductionFactor} trials reached the rung it goes on only if it is the best, because
 * a trial cannot be paused here to be promoted later. A rung reached by {@code bootstrapCount} trials
 * or fewer (itself included) promotes nobody. A NaN value is pruned; another trial's NaN counts as the
 * worst value.
 *
 * <p>Optuna records each trial's rung in its attributes; pruners here only read, so rungs are recomputed
 * from the intermediate values. This equals Optuna's behaviour when {@link
 * io.tunelab.search.trial.Trial#shouldPrune()} is called after every report, as it should be: a rung
 * passed between two calls is judged at the call that follows it, and never judged again.
 *
 * <p>Steps are the resource trials consume: a trial reaches a rung at step {@code r} after {@code r} epochs when
 * it reports epoch {@code e} as step {@code e} from 1, as Tunelab's trainers do ({@code minResource = 1} judges
 * each trial after its first epoch), and after {@code r + 1} when it counts from 0, as Optuna's Keras callback
 * does. There is no warm-up to count from a first step: rungs are where the resource puts them.
 *
 * <p>With an automatic minimum resource ({@link #autoMinResource}), it is {@code max(1, lastStep / 100)}
 * with the largest last step over the COMPLETE trials when first needed, as in Optuna; fixed once known,
 * nothing is pruned before. Thread-safe.
 */
public final class SuccessiveHalvingPruner implements Pruner {
    private static final EnumSet<TrialState> STARTED =
            EnumSet.of(TrialState.RUNNING, TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL);

    private static final int AUTO = 0;

    private final int minResource;
    private final int reductionFactor;
    private final int minEarlyStoppingRate;
    private final int bootstrapCount;
    private final AtomicInteger estimatedMinResource = new AtomicInteger();

    /**
     * @param minResource          step of the first rung before the early-stopping rate applies, {@code >= 1}
     * @param reductionFactor      {@code eta}: a rung promotes its best {@code 1/eta}, {@code >= 2}
     * @param minEarlyStoppingRate {@code s}: the first rung is at {@code minResource * eta^s}, {@code >= 0}
     * @param bootstrapCount       trials a rung needs before it promotes anyone, {@code >= 0}
     */
    public SuccessiveHalvingPruner(int minResource, int reductionFactor, int minEarlyStoppingRate, int bootstrapCount) {
        this(minResource, reductionFactor, minEarlyStoppingRate, bootstrapCount, false);
    }

    /** Optuna's defaults: automatic minimum resource, reduction factor 4, rate 0, no bootstrap. */
    public SuccessiveHalvingPruner() {
        this(AUTO, 4, 0, 0, true);
    }

    private SuccessiveHalvingPruner(int minResource, int reductionFactor, int minEarlyStoppingRate,
                                    int bootstrapCount, boolean auto) {
        this.minResource = auto ? AUTO : PrunerException.atLeast("minResource", minResource, 1);
        this.reductionFactor = PrunerException.atLeast("reductionFactor", reductionFactor, 2);
        this.minEarlyStoppingRate = PrunerException.atLeast("minEarlyStoppingRate", minEarlyStoppingRate, 0);
        this.bootstrapCount = PrunerException.atLeast("bootstrapCount", bootstrapCount, 0);
        if (auto && bootstrapCount > 0) {
            throw new PrunerException("bootstrapCount must be 0 with an automatic minResource, got "
                    + bootstrapCount);
        }
    }

    /** ASHA whose minimum resource is estimated from the completed trials (bootstrap count 0). */
    public static SuccessiveHalvingPruner autoMinResource(int reductionFactor, int minEarlyStoppingRate) {
        return new SuccessiveHalvingPruner(AUTO, reductionFactor, minEarlyStoppingRate, 0, true);
    }

    @Override
    public PruneDecision evaluate(StudyView study, FrozenTrial trial) {
        if (trial.intermediateValues().isEmpty()) {
            return PruneDecision.keep("no value reported yet");
        }
        int min = minResource(study);
        if (min == 0) {
            return PruneDecision.keep("the minimum resource is estimated from the completed trials,"
                    + " and none has completed");
        }
        int step = trial.intermediateValues().lastKey();
        double value = trial.intermediateValues().get(step);
        int previous = Curves.stepBefore(trial, step);
        List<FrozenTrial> others = null;
        PruneDecision passed = null;
        int rung = 0;
        for (long rungStep = firstRungStep(min); rungStep <= step; rungStep = times(rungStep), rung++) {
            if (rungStep <= previous) {
                continue;
            }
            if (Double.isNaN(value)) {
                return PruneDecision.prune(step, value, Double.NaN, "value NaN at step " + step
                        + " reached rung " + rung + " (step " + rungStep + ")");
            }
            if (others == null) {
                others = study.trials(STARTED).stream().filter(t -> t.number() != trial.number()).toList();
            }
            passed = judgeRung(study.direction(), others, rung, rungStep, step, value);
            if (passed.prune()) {
                return passed;
            }
        }
        if (passed != null) {
            return passed;
        }
        return PruneDecision.keep(step, value, Double.NaN, "step " + step + " reached no new rung; rung "
                + rung + " is at step " + rungStepOf(min, rung));
    }

    private PruneDecision judgeRung(Direction direction, List<FrozenTrial> others, int rung, long rungStep,
                                    int step, double value) {
        double own = Curves.loss(direction, value);
        double[] losses = new double[others.size() + 1];
        int n = 0;
        losses[n++] = own;
        for (FrozenTrial t : others) {
            Map.Entry<Integer, Double> at = Curves.firstAtOrAfter(t, rungStep);
            if (at != null) {
                losses[n++] = Curves.loss(direction, at.getValue());
            }
        }
        String where = "the " + n + " trials that reached rung " + rung + " (step " + rungStep + ")";
        if (n <= bootstrapCount) {
            return PruneDecision.prune(step, value, Double.NaN, "only " + where + "; a rung promotes nobody"
                    + " until more than " + bootstrapCount + " trials reach it");
        }
        Arrays.sort(losses, 0, n);
        double cut = losses[Math.max(0, n / reductionFactor - 1)];
        double threshold = direction.asLoss(cut);
        boolean promoted = own <= cut;
        String reason = "value " + Curves.format(value) + " at step " + step + " is " + (promoted ? "" : "not ")
                + "within the best 1/" + reductionFactor + " of " + where + ": cut-off "
                + Curves.format(threshold);
        return promoted ? PruneDecision.keep(step, value, threshold, reason)
                : PruneDecision.prune(step, value, threshold, reason);
    }

    private long firstRungStep(int min) {
        long r = min;
        for (int i = 0; i < minEarlyStoppingRate && r <= Integer.MAX_VALUE; i++) {
            r = times(r);
        }
        return r;
    }

    private long rungStepOf(int min, int rung) {
        long r = firstRungStep(min);
        for (int i = 0; i < rung && r <= Integer.MAX_VALUE; i++) {
            r = times(r);
        }
        return r;
    }

    /** The next rung's step; saturates far beyond any int step. */
    private long times(long rungStep) {
        return rungStep > Integer.MAX_VALUE ? Long.MAX_VALUE : rungStep * reductionFactor;
    }

    /** The minimum resource, or 0 while an automatic one cannot be estimated yet. */
    int minResource(StudyView study) {
        if (minResource != AUTO) {
            return minResource;
        }
        int known = estimatedMinResource.get();
        if (known > 0) {
            return known;
        }
        OptionalInt lastStep = Curves.longestLastStep(study);
        if (lastStep.isEmpty()) {
            return 0;
        }
        estimatedMinResource.compareAndSet(0, Math.max(1, lastStep.getAsInt() / 100));
        return estimatedMinResource.get();
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", "asha");
        d.put("min_resource", minResource == AUTO ? "auto" : minResource);
        d.put("reduction_factor", reductionFactor);
        d.put("min_early_stopping_rate", minEarlyStoppingRate);
        d.put("bootstrap_count", bootstrapCount);
        return d;
    }
}
