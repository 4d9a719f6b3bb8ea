package io.tunelab.trainers.schedule;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import io.tunelab.trainers.TrainersException;
import java.util.List;

/**
 * Gradient clipping, applied in place before each optimizer step: first each component is clamped to
 * [-maxValue, maxValue], then, if the global L2 norm of all gradients exceeds {@code maxNorm}, all of
 * them are scaled down together (Pascanu, Mikolov and Bengio 2013), which keeps the step's direction.
 * Immutable; {@link #apply} uses no state.
 *
 * @param maxNorm  largest global gradient norm, or 0 for no norm clipping
 * @param maxValue largest absolute gradient component, or 0 for no value clipping
 */
public record GradientClipping(double maxNorm, double maxValue) {
    private static final NDIndex ALL = new NDIndex("...");

    public GradientClipping {
        if (!(maxNorm >= 0) || !(maxValue >= 0) || Double.isInfinite(maxNorm) || Double.isInfinite(maxValue)) {
            throw new TrainersException("clipping thresholds must be finite and 0 (off) or more, got norm "
                    + maxNorm + " and value " + maxValue);
        }
    }

    public static GradientClipping none() {
        return new GradientClipping(0, 0);
    }

    public static GradientClipping byNorm(double maxNorm) {
        return new GradientClipping(maxNorm, 0);
    }

    public static GradientClipping byValue(double maxValue) {
        return new GradientClipping(0, maxValue);
    }

    public boolean isNone() {
        return maxNorm == 0 && maxValue == 0;
    }

    /**
     * Clips {@code gradients} in place.
     *
     * @return the global norm before norm clipping, or NaN when norm clipping is off
     */
    public double apply(List<NDArray> gradients) {
        if (isNone()) {
            return Double.NaN;
        }
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            if (maxValue > 0) {
                for (NDArray g : gradients) {
                    g.set(ALL, g.clip(-maxValue, maxValue));
                }
            }
            if (maxNorm == 0) {
                return Double.NaN;
            }
            double squares = 0;
            for (NDArray g : gradients) {
                squares += g.square().sum().getFloat();
            }
            double norm = Math.sqrt(squares);
            if (norm > maxNorm) {
                float scale = (float) (maxNorm / norm);
                gradients.forEach(g -> g.muli(scale));
            }
            return norm;
        }
    }
}
