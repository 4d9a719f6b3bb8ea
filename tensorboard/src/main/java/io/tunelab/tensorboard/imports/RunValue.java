package io.tunelab.tensorboard.imports;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.MetricPoint;

/**
 * Which point of a run's {@code --metric} series an import takes as the trial's objective value: the last one (the
 * model the run ended with), or the best one in the study's direction (the model Keras's
 * {@code EarlyStopping(restore_best_weights=True)} and Tunelab's {@code restore_best} keep). NaN is never best.
 */
public enum RunValue {
    /** The point of the largest step (of two at one step, the later read). */
    LAST,
    /** The best value, the earliest step of equal ones. */
    BEST;

    /** Whether {@code candidate} replaces {@code chosen} (null before any) as the run's value. */
    boolean prefers(MetricPoint candidate, MetricPoint chosen, Direction direction) {
        if (chosen == null) {
            return true;
        }
        if (this == LAST) {
            return candidate.step() >= chosen.step();
        }
        if (Double.isNaN(candidate.value()) || Double.isNaN(chosen.value())) {
            return Double.isNaN(chosen.value()) && !Double.isNaN(candidate.value());
        }
        int c = Double.compare(candidate.value(), chosen.value());
        boolean better = direction == Direction.MINIMIZE ? c < 0 : c > 0;
        return better || c == 0 && candidate.step() < chosen.step();
    }
}
