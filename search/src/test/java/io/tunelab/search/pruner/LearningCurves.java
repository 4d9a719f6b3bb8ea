package io.tunelab.search.pruner;

import io.tunelab.search.study.Objective;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialPrunedException;
import io.tunelab.search.trial.TrialState;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Synthetic learning curves whose final quality is known from the parameters: the loss at step
 * {@code t} is {@code quality * (1 + slowness / t)}, falling towards {@code quality}; slow learners look
 * worse early than they end, so curves cross.
 */
final class LearningCurves {
    static final int STEPS = 30;

    private LearningCurves() {
    }

    static double loss(double quality, double slowness, int step) {
        return quality * (1 + slowness / step);
    }

    /** Reports steps 1..{@code STEPS} and stops when the pruner says so. */
    static Objective objective() {
        return trial -> {
            double quality = trial.suggestFloat("quality", 0.1, 1.0);
            double slowness = trial.suggestFloat("slowness", 0.5, 1.0);
            for (int step = 1; step <= STEPS; step++) {
                trial.report(step, loss(quality, slowness, step));
                if (trial.shouldPrune()) {
                    throw new TrialPrunedException();
                }
            }
            return loss(quality, slowness, STEPS);
        };
    }

    /** A study of {@code trials} curves run one at a time under {@code pruner}. */
    static Study run(String name, Pruner pruner, long seed, int trials) {
        Study study = Study.builder(name).seed(seed).pruner(pruner).create();
        study.optimize(objective(), OptimizeOptions.trials(trials).withParallelism(1));
        return study;
    }

    /** What the trial would have ended at had it run every step. */
    static double finalLoss(FrozenTrial trial) {
        return loss((Double) trial.params().get("quality"), (Double) trial.params().get("slowness"), STEPS);
    }

    /** The trial with the best final loss, pruned or not. */
    static FrozenTrial bestFinal(Study study) {
        return study.trials(EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED)).stream()
                .min(Comparator.comparingDouble(LearningCurves::finalLoss))
                .orElseThrow();
    }

    static List<FrozenTrial> pruned(Study study) {
        return study.trials(EnumSet.of(TrialState.PRUNED));
    }

    /** The evidence the study recorded for a pruned trial. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> decision(FrozenTrial trial) {
        return (Map<String, Object>) trial.systemAttrs().get("prune_decision");
    }
}
