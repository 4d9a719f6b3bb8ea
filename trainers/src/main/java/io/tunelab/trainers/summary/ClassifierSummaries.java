package io.tunelab.trainers.summary;

import io.tunelab.search.trial.Trial;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.eval.ConfusionMatrix;
import java.util.List;

/**
 * Logs what a trained classifier did on a labelled split, as TensorBoard users expect to see it: the
 * confusion matrix as a heat map image ({@code <prefix>confusion_matrix}, a {@link ConfusionChart}) and as a
 * Markdown table ({@code <prefix>confusion_matrix_table}, {@link ConfusionMatrix#toMarkdown()}), and a PR
 * curve per class ({@code <prefix>pr_curve/<class>}), one class against the rest, scored by the predicted
 * probability of that class. Stateless; a failure to log propagates from the trial.
 */
public final class ClassifierSummaries {
    private ClassifierSummaries() {
    }

    /** Logs {@code matrix} as an image and a table at {@code step}. */
    public static void logConfusionMatrix(Trial trial, String prefix, long step, ConfusionMatrix matrix) {
        trial.logImage(prefix + "confusion_matrix", step, ConfusionChart.draw(matrix));
        trial.logText(prefix + "confusion_matrix_table", step, matrix.toMarkdown());
    }

    /**
     * Logs one-vs-rest PR curves, one per class, at {@code step}.
     *
     * @param truth         the true class index of each example
     * @param probabilities per example, the predicted probability of each class (in {@code classes} order)
     * @throws TrainersException if the arrays disagree in length or width
     */
    public static void logPrCurves(Trial trial, String prefix, long step, int[] truth, double[][] probabilities,
                                   List<String> classes) {
        if (truth.length != probabilities.length) {
            throw new TrainersException("PR curves: " + truth.length + " labels but " + probabilities.length
                    + " rows of probabilities; expected one row per label");
        }
        for (int c = 0; c < classes.size(); c++) {
            boolean[] positive = new boolean[truth.length];
            double[] score = new double[truth.length];
            for (int i = 0; i < truth.length; i++) {
                if (probabilities[i].length != classes.size()) {
                    throw new TrainersException("PR curves: example " + i + " has " + probabilities[i].length
                            + " probabilities; expected one per class (" + classes.size() + ")");
                }
                positive[i] = truth[i] == c;
                score[i] = probabilities[i][c];
            }
            trial.logPrCurve(prefix + "pr_curve/" + classes.get(c), step, positive, score);
        }
    }

    /** Row-wise softmax of {@code logits} ({@code width} per example, row after row): class probabilities. */
    public static double[][] softmax(float[] logits, int width) {
        if (width < 1 || logits.length % width != 0) {
            throw new TrainersException("softmax: " + logits.length + " outputs do not split into rows of " + width);
        }
        double[][] p = new double[logits.length / width][width];
        for (int i = 0; i < p.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < width; c++) {
                max = Math.max(max, logits[i * width + c]);
            }
            double sum = 0;
            for (int c = 0; c < width; c++) {
                p[i][c] = Math.exp(logits[i * width + c] - max);
                sum += p[i][c];
            }
            for (int c = 0; c < width; c++) {
                p[i][c] /= sum;
            }
        }
        return p;
    }

    /** The index of each row's largest probability (the first on ties). */
    public static int[] argMax(double[][] probabilities) {
        int[] best = new int[probabilities.length];
        for (int i = 0; i < best.length; i++) {
            for (int c = 1; c < probabilities[i].length; c++) {
                if (probabilities[i][c] > probabilities[i][best[i]]) {
                    best[i] = c;
                }
            }
        }
        return best;
    }
}
