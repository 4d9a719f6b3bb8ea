package io.tunelab.trainers.predict;

import java.util.List;

/**
 * A loaded model that answers predictions. Implementations are thread-safe for {@link #predict};
 * {@link #close()} frees native memory and is called once no request uses the predictor any more.
 */
public interface Predictor extends AutoCloseable {

    InputSchema schema();

    /** What the model predicts; {@link OutputSchema#unknown()} unless the model says. */
    default OutputSchema output() {
        return OutputSchema.unknown();
    }

    /** Predictions for rows of {@link InputSchema#width()} numbers each, in order. */
    List<Prediction> predict(float[][] rows);

    /** Whether {@link #predict(float[][], int)} can sample more than once (a network's Monte Carlo dropout). */
    default boolean samples() {
        return false;
    }

    /**
     * Predictions that are the mean of {@code samples} stochastic passes, each with the spread over them
     * ({@link Prediction#spread()}); one sample is {@link #predict(float[][])}.
     *
     * @throws UnsupportedOperationException for more than one sample when {@link #samples()} is false
     */
    default List<Prediction> predict(float[][] rows, int samples) {
        if (samples <= 1) {
            return predict(rows);
        }
        throw new UnsupportedOperationException("this model has no stochastic passes to sample");
    }

    @Override
    default void close() {
    }
}
