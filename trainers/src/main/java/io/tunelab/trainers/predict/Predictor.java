package io.tunelab.trainers.predict;

import java.util.List;

/**
 * A loaded model that answers predictions. Implementations are thread-safe for {@link #predict};
 * {@link #close()} frees native memory and is called once no request uses the predictor any more.
 */
public interface Predictor extends AutoCloseable {

    InputSchema schema();

    /** Predictions for rows of {@link InputSchema#width()} numbers each, in order. */
    List<Prediction> predict(float[][] rows);

    @Override
    default void close() {
    }
}
