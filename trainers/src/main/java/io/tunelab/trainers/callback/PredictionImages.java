package io.tunelab.trainers.callback;

import io.tunelab.search.trial.Trial;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.summary.CaptionedGrid;
import io.tunelab.trainers.summary.ClassifierSummaries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * For an image classifier, every {@code every} epochs (step = epoch), predicts the validation split and logs
 * two {@link CaptionedGrid}s, each image captioned with its true and predicted class: {@value #SAMPLES_TAG},
 * the first {@value #SAMPLES} validation images (the same ones every time, so the step slider shows the
 * predictions change), wrong ones captioned in red; and {@value #WORST_TAG}, the misclassified validation
 * images the network was most confident about (highest predicted probability of the wrong class, at most
 * {@value #SAMPLES}, with that probability), not logged while nothing is misclassified. The opt-in
 * {@code fit: {summaries: {images: N}}}. A logging failure is logged and ignored (see {@link TrainingCallback}).
 */
public final class PredictionImages implements TrainingCallback {
    /** Tag of the grid of sample predictions. */
    public static final String SAMPLES_TAG = "predictions/samples";
    /** Tag of the grid of the worst misclassified examples. */
    public static final String WORST_TAG = "predictions/worst";
    /** Most images per grid. */
    public static final int SAMPLES = 16;
    private static final int COLUMNS = 8;

    private final Trial trial;
    private final DenseDataset valid;
    private final List<String> classes;
    private final int every;

    /**
     * @param valid   the validation split: classification examples shaped {@code [height, width]} or
     *                {@code [channels, height, width]} (1, 3 or 4 channels), values in [0, 1]
     * @param classes the class names, in output order
     * @throws TrainersException if {@code every < 1} or the examples are not images
     */
    public PredictionImages(Trial trial, DenseDataset valid, List<String> classes, int every) {
        if (every < 1) {
            throw new TrainersException("summaries.images: every " + every + " epochs; expected at least 1");
        }
        if (!isImageClassification(valid)) {
            throw new TrainersException("summaries.images: examples shaped " + java.util.Arrays.toString(valid.exampleShape())
                    + " are not images of a classifier; expected [height, width] or [channels, height, width] with 1, 3 or 4"
                    + " channels, and class labels");
        }
        this.trial = trial;
        this.valid = valid;
        this.classes = List.copyOf(classes);
        this.every = every;
    }

    /** Whether {@code data} holds labelled images: shaped {@code [h, w]} or {@code [c, h, w]} with c = 1, 3 or 4. */
    public static boolean isImageClassification(DenseDataset data) {
        int[] s = data.exampleShape();
        return !data.isRegression() && (s.length == 2 || (s.length == 3 && (s[0] == 1 || s[0] == 3 || s[0] == 4)));
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics, TrainingContext context) {
        if (metrics.epoch() % every != 0 || valid.size() == 0) {
            return;
        }
        double[][] p = ClassifierSummaries.softmax(context.outputs(valid), valid.numClasses());
        int[] predicted = ClassifierSummaries.argMax(p);
        List<CaptionedGrid.Tile> samples = new ArrayList<>();
        for (int i = 0; i < Math.min(SAMPLES, valid.size()); i++) {
            samples.add(tile(i, predicted[i], null));
        }
        trial.logImage(SAMPLES_TAG, metrics.epoch(), CaptionedGrid.png(samples, COLUMNS));
        List<CaptionedGrid.Tile> worst = IntStream.range(0, valid.size()).filter(i -> predicted[i] != valid.label(i)).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -p[i][predicted[i]]).thenComparing(i -> i))
                .limit(SAMPLES).map(i -> tile(i, predicted[i], p[i][predicted[i]])).toList();
        if (!worst.isEmpty()) {
            trial.logImage(WORST_TAG, metrics.epoch(), CaptionedGrid.png(worst, COLUMNS));
        }
    }

    private CaptionedGrid.Tile tile(int i, int predicted, Double confidence) {
        String guess = name(predicted) + (confidence == null ? "" : String.format(java.util.Locale.ROOT, " %.0f%%", 100 * confidence));
        return new CaptionedGrid.Tile(pixels(i), "true: " + name(valid.label(i)) + "\npred: " + guess, predicted != valid.label(i));
    }

    private String name(int cls) {
        return cls < classes.size() ? classes.get(cls) : Integer.toString(cls);
    }

    /** Example {@code i} as {@code [height][width][channels]} (the data keeps channels first). */
    private float[][][] pixels(int i) {
        int[] s = valid.exampleShape();
        int c = s.length == 2 ? 1 : s[0];
        int h = s[s.length - 2];
        int w = s[s.length - 1];
        float[] flat = new float[valid.exampleSize()];
        valid.copyExample(i, flat, 0);
        float[][][] px = new float[h][w][c];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    px[y][x][ch] = flat[(ch * h + y) * w + x];
                }
            }
        }
        return px;
    }
}
