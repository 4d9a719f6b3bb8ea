package io.tunelab.trainers.djl.train;

import io.tunelab.trainers.TrainersException;

/**
 * Which summaries a {@link DjlObjective} logs besides its metrics: the opt-in
 * {@code fit: {summaries: {histograms: N, images: N, evaluation: true}}}.
 *
 * @param histograms every this many epochs, a histogram of every layer's weights and of their gradients
 *                   (last batch of the epoch); 0 for never
 * @param images     every this many epochs, for an image classifier, grids of sample predictions and of the
 *                   worst misclassified validation images; 0 for never
 * @param evaluation whether a classifier logs, at the end of training, its confusion matrix (image and table)
 *                   and a PR curve per class
 */
public record SummaryOptions(int histograms, int images, boolean evaluation) {
    /** No summaries. */
    public static final SummaryOptions NONE = new SummaryOptions(0, 0, false);

    /** @throws TrainersException naming the field when a cadence is negative */
    public SummaryOptions {
        if (histograms < 0) {
            throw new TrainersException("summaries.histograms must be at least 0 (0 for none), got " + histograms);
        }
        if (images < 0) {
            throw new TrainersException("summaries.images must be at least 0 (0 for none), got " + images);
        }
    }

    /** Whether any summary is logged. */
    public boolean any() {
        return histograms > 0 || images > 0 || evaluation;
    }
}
