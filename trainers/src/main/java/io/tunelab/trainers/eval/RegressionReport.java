package io.tunelab.trainers.eval;

import io.tunelab.trainers.TrainersException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The test-set evaluation of a regressor: RMSE with its confidence interval, MAE and R². The RMSE
 * interval is the square root of the t-interval of the per-example squared errors, as Géron's
 * <i>Hands-On Machine Learning</i> (ch. 2) computes it
 * ({@code np.sqrt(stats.t.interval(0.95, n - 1, loc=sq.mean(), scale=stats.sem(sq)))}); a lower
 * bound below zero becomes zero. Immutable.
 *
 * @param examples     number of test examples
 * @param rmse         root mean squared error
 * @param rmseInterval confidence interval of the RMSE
 * @param mae          mean absolute error
 * @param r2           coefficient of determination {@code 1 - SS_res / SS_tot}; when the truth is
 *                     constant, 1 for a perfect fit and 0 otherwise (as scikit-learn)
 */
public record RegressionReport(int examples, double rmse, ConfidenceInterval rmseInterval, double mae, double r2) {

    /** Evaluates at the 95% level. */
    public static RegressionReport of(double[] truth, double[] predicted) {
        return of(truth, predicted, 0.95);
    }

    /**
     * Evaluates {@code predicted} against {@code truth}.
     *
     * @throws TrainersException if the arrays differ in length, hold fewer than 2 examples, or a value is not finite
     */
    public static RegressionReport of(double[] truth, double[] predicted, double level) {
        if (truth.length != predicted.length) {
            throw new TrainersException("truth has " + truth.length + " values but predictions have " + predicted.length);
        }
        if (truth.length < 2) {
            throw new TrainersException("an evaluation needs at least 2 examples, got " + truth.length);
        }
        double[] squared = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            double e = predicted[i] - truth[i];
            squared[i] = e * e;
        }
        ConfidenceInterval interval = ConfidenceInterval.tInterval(squared, level).sqrt();
        return new RegressionReport(truth.length, Scores.rmse(truth, predicted), interval, Scores.mae(truth, predicted),
                Scores.r2(truth, predicted));
    }

    /** Everything as a JSON-compatible map, for a trial's user attributes. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("task", "regression");
        out.put("examples", examples);
        out.put("rmse", rmse);
        out.put("rmse_interval", rmseInterval.toMap());
        out.put("mae", mae);
        out.put("r2", r2);
        return out;
    }
}
