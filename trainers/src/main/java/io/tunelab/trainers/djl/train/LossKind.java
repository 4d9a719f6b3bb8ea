package io.tunelab.trainers.djl.train;

import ai.djl.ndarray.NDArray;
import io.tunelab.trainers.TrainersException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The training loss of a DJL network, named as in study files ({@code loss}): softmax cross-entropy for
 * classifiers, mean squared or mean absolute error for regressors (the book's {@code "mse"} and
 * {@code "mae"}). Each is the mean over the batch (and over a forecast's horizon).
 */
public enum LossKind {
    CROSS_ENTROPY, MSE, MAE;

    /** The lower-case name used in study files, e.g. {@code cross_entropy}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire name (case-insensitive; hyphens as underscores).
     *
     * @throws TrainersException naming the accepted values when {@code name} is unknown
     */
    public static LossKind of(String name) {
        for (LossKind k : values()) {
            if (k.wireName().equals(ParamNames.normalized(name))) {
                return k;
            }
        }
        throw new TrainersException("parameter 'loss' must be one of " + Arrays.stream(values())
                .map(LossKind::wireName).collect(Collectors.joining(", ")) + ", got '" + name + "'");
    }

    /** Whether this loss trains a regressor (real targets) rather than a classifier (class labels). */
    public boolean isRegression() {
        return this != CROSS_ENTROPY;
    }

    /**
     * The mean loss of {@code output} against {@code target}: int64 labels of shape (batch) for
     * cross-entropy, float targets of the output's shape for the regression losses.
     */
    public NDArray of(NDArray output, NDArray target) {
        return switch (this) {
            case CROSS_ENTROPY -> output.logSoftmax(1).gather(target.expandDims(1), 1).mean().neg();
            case MSE -> output.sub(target).square().mean();
            case MAE -> output.sub(target).abs().mean();
        };
    }
}
