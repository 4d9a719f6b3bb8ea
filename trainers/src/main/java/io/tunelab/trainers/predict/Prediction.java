package io.tunelab.trainers.predict;

import java.util.Map;

/**
 * A model's answer for one row.
 *
 * @param output        the class label (classification) or the predicted number (regression)
 * @param probabilities class label to probability for classifiers, empty for regressors
 */
public record Prediction(Object output, Map<String, Double> probabilities) {
    public Prediction {
        probabilities = Map.copyOf(probabilities);
    }
}
