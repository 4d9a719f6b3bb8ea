package io.tunelab.trainers.eval;

import io.tunelab.trainers.TrainersException;

/**
 * Plain scores of predictions against the truth, for objectives that need one number. Stateless;
 * every method throws {@link TrainersException} when the arrays differ in length or are empty.
 */
public final class Scores {
    private Scores() {
    }

    /** Fraction of {@code predicted} equal to {@code truth}. */
    public static double accuracy(int[] truth, int[] predicted) {
        check(truth.length, predicted.length);
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            correct += truth[i] == predicted[i] ? 1 : 0;
        }
        return (double) correct / truth.length;
    }

    /** Unweighted mean of the per-class F1 scores over classes {@code 0 .. classes-1}. */
    public static double macroF1(int[] truth, int[] predicted, int classes) {
        check(truth.length, predicted.length);
        ConfusionMatrix m = ConfusionMatrix.of(truth, predicted,
                java.util.stream.IntStream.range(0, classes).mapToObj(Integer::toString).toList());
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += ClassMetrics.of(m, c).f1();
        }
        return sum / classes;
    }

    public static double rmse(double[] truth, double[] predicted) {
        check(truth.length, predicted.length);
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            double e = predicted[i] - truth[i];
            sum += e * e;
        }
        return Math.sqrt(sum / truth.length);
    }

    public static double mae(double[] truth, double[] predicted) {
        check(truth.length, predicted.length);
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            sum += Math.abs(predicted[i] - truth[i]);
        }
        return sum / truth.length;
    }

    /** {@code 1 - SS_res / SS_tot}; for a constant truth, 1 when the fit is perfect and 0 otherwise. */
    public static double r2(double[] truth, double[] predicted) {
        check(truth.length, predicted.length);
        double mean = 0;
        for (double t : truth) {
            mean += t;
        }
        mean /= truth.length;
        double res = 0;
        double tot = 0;
        for (int i = 0; i < truth.length; i++) {
            res += (truth[i] - predicted[i]) * (truth[i] - predicted[i]);
            tot += (truth[i] - mean) * (truth[i] - mean);
        }
        if (tot == 0) {
            return res == 0 ? 1 : 0;
        }
        return 1 - res / tot;
    }

    private static void check(int truth, int predicted) {
        if (truth != predicted) {
            throw new TrainersException("truth has " + truth + " entries but predictions have " + predicted);
        }
        if (truth == 0) {
            throw new TrainersException("cannot score an empty set of predictions");
        }
    }
}
