package io.tunelab.search.summary;

import java.util.Arrays;

/**
 * A precision-recall curve as TensorBoard's PR-curve plugin keeps it: counts of true and false positives and
 * negatives at {@code n} thresholds evenly spaced over {@code [0, 1]}, threshold {@code i} being
 * {@code i / (n - 1)}; a sample counts as predicted positive at a threshold its score reaches.
 *
 * @param truePositives  at each threshold
 * @param falsePositives at each threshold
 * @param trueNegatives  at each threshold
 * @param falseNegatives at each threshold
 */
public record PrCurve(double[] truePositives, double[] falsePositives, double[] trueNegatives, double[] falseNegatives)
        implements SummaryValue {
    /** Thresholds used by {@link #of(boolean[], double[])}. */
    public static final int DEFAULT_THRESHOLDS = 201;

    public PrCurve {
        int n = truePositives.length;
        if (n < 2 || falsePositives.length != n || trueNegatives.length != n || falseNegatives.length != n) {
            throw new InvalidSummaryException("PR curve: counts at " + n + ", " + falsePositives.length + ", "
                    + trueNegatives.length + " and " + falseNegatives.length + " thresholds; expected as many of each, at least 2");
        }
        truePositives = truePositives.clone();
        falsePositives = falsePositives.clone();
        trueNegatives = trueNegatives.clone();
        falseNegatives = falseNegatives.clone();
    }

    /**
     * The curve of a binary classifier at {@link #DEFAULT_THRESHOLDS} thresholds: {@code labels[i]} is whether
     * sample {@code i} is positive, {@code scores[i]} its predicted probability of being positive (clipped to
     * {@code [0, 1]}).
     */
    public static PrCurve of(boolean[] labels, double[] scores) {
        return of(labels, scores, DEFAULT_THRESHOLDS);
    }

    /** As {@link #of(boolean[], double[])}, at {@code thresholds} thresholds. */
    public static PrCurve of(boolean[] labels, double[] scores, int thresholds) {
        if (labels.length != scores.length) {
            throw new InvalidSummaryException("PR curve: " + labels.length + " labels but " + scores.length
                    + " scores; expected one score per label");
        }
        if (thresholds < 2) {
            throw new InvalidSummaryException("PR curve: " + thresholds + " thresholds; expected at least 2");
        }
        double[] positives = new double[thresholds];
        double[] negatives = new double[thresholds];
        for (int i = 0; i < labels.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new InvalidSummaryException("PR curve: score " + i + " is NaN; expected a probability in [0, 1]");
            }
            int bucket = (int) Math.floor(Math.min(1, Math.max(0, scores[i])) * (thresholds - 1));
            (labels[i] ? positives : negatives)[bucket]++;
        }
        double[] tp = new double[thresholds];
        double[] fp = new double[thresholds];
        double[] tn = new double[thresholds];
        double[] fn = new double[thresholds];
        double allPositive = Arrays.stream(positives).sum();
        double allNegative = Arrays.stream(negatives).sum();
        double p = 0;
        double n = 0;
        for (int t = thresholds - 1; t >= 0; t--) {
            p += positives[t];
            n += negatives[t];
            tp[t] = p;
            fp[t] = n;
            fn[t] = allPositive - p;
            tn[t] = allNegative - n;
        }
        return new PrCurve(tp, fp, tn, fn);
    }

    /** Number of thresholds. */
    public int size() {
        return truePositives.length;
    }

    /** Threshold {@code i}: {@code i / (size() - 1)}. */
    public double threshold(int i) {
        return (double) i / (size() - 1);
    }

    /** Precision at threshold {@code i}; 0 when nothing is predicted positive (as TensorBoard shows it). */
    public double precision(int i) {
        double predicted = truePositives[i] + falsePositives[i];
        return predicted == 0 ? 0 : truePositives[i] / predicted;
    }

    /** Recall at threshold {@code i}; 0 when there are no positives. */
    public double recall(int i) {
        double positives = truePositives[i] + falseNegatives[i];
        return positives == 0 ? 0 : truePositives[i] / positives;
    }

    @Override
    public double[] truePositives() {
        return truePositives.clone();
    }

    @Override
    public double[] falsePositives() {
        return falsePositives.clone();
    }

    @Override
    public double[] trueNegatives() {
        return trueNegatives.clone();
    }

    @Override
    public double[] falseNegatives() {
        return falseNegatives.clone();
    }

    @Override
    public SummaryKind kind() {
        return SummaryKind.PR_CURVE;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrCurve c && Arrays.equals(truePositives, c.truePositives)
                && Arrays.equals(falsePositives, c.falsePositives) && Arrays.equals(trueNegatives, c.trueNegatives)
                && Arrays.equals(falseNegatives, c.falseNegatives);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(truePositives) * 31 + Arrays.hashCode(falsePositives);
    }

    @Override
    public String toString() {
        return "PrCurve[" + size() + " thresholds]";
    }
}
