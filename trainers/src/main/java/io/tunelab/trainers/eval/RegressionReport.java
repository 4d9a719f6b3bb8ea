package io.tunelab.trainers.eval;

import io.tunelab.trainers.TrainersException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The test-set evaluation of a regressor: RMSE with its confidence interval, MAE and R². The RMSE interval is the
 * bootstrap percentile interval of the mean squared error over the test examples, square-rooted
 * ({@link ConfidenceInterval#bootstrapMean}, {@value #RESAMPLES} resamples from the fixed seed {@value #SEED}, so
 * the same predictions always get the same interval). It stays within the errors' range and around the RMSE even when
 * a few large errors dominate, where the t-interval on the squared errors that Géron's <i>Hands-On Machine
 * Learning</i> (ch. 2) computes would reach below zero and leave a degenerate {@code [0, high]}. Immutable.
 *
 * @param examples     number of test examples
 * @param rmse         root mean squared error
 * @param rmseInterval confidence interval of the RMSE
 * @param mae          mean absolute error
 * @param r2           coefficient of determination {@code 1 - SS_res / SS_tot}; when the truth is
 *                     constant, 1 for a perfect fit and 0 otherwise (as scikit-learn)
 */
public record RegressionReport(int examples, double rmse, ConfidenceInterval rmseInterval, double mae, double r2) {
    /** Bootstrap resamples of the test examples behind the RMSE interval. */
    public static final int RESAMPLES = 2000;
    /** Seed of the bootstrap resampling: an evaluation is a function of its predictions alone. */
    public static final long SEED = 20_240_601L;

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
        ConfidenceInterval interval = ConfidenceInterval.bootstrapMean(squared, level, SEED, RESAMPLES).sqrt();
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
