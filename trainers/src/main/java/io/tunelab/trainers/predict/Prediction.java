package io.tunelab.trainers.predict;

import java.util.Map;

/**
 * A model's answer for one row.
 *
 * @param output        the class label (classification), or the predicted number or list of numbers
 *                      (regression; a forecast's horizon); with Monte Carlo sampling the mean
 * @param probabilities class label to probability for classifiers (with Monte Carlo sampling, the mean
 *                      probabilities), empty for regressors
 * @param spread        with Monte Carlo sampling, the standard deviation over the samples: class label to
 *                      the spread of its probability for classifiers, a number or list of numbers for
 *                      regressors; null without sampling
 */
public record Prediction(Object output, Map<String, Double> probabilities, Object spread) {
    public Prediction {
        probabilities = Map.copyOf(probabilities);
    }

    /** A deterministic answer, without spread. */
    public Prediction(Object output, Map<String, Double> probabilities) {
        this(output, probabilities, null);
    }
}
