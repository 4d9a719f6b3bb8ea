package io.tunelab.spec;

import java.util.Map;

/**
 * Training options. A space parameter with the same name as one of these (e.g. {@code batch_size})
 * takes precedence for each trial; these are then the defaults.
 *
 * @param epochs        epochs to train, or {@code null} for the trainer's default
 * @param batchSize     batch size, or {@code null} for the trainer's default
 * @param earlyStopping early stopping, or {@code null} for none
 * @param schedule      learning-rate schedule, or {@code null} for a constant rate
 * @param tensorboardDir a TensorBoard logdir each trial writes its scalars to as it runs, or {@code null} for none
 * @param summaries     opt-in trainer summaries, or {@code null} for none
 * @param checkpointEvery save a resumable checkpoint every this many epochs (DJL trainers), so a retried
 *                        trial continues from it; {@code null} for none
 */
public record FitSpec(Integer epochs, Integer batchSize, EarlyStopping earlyStopping, Schedule schedule, String tensorboardDir,
                      Summaries summaries, Integer checkpointEvery) {
    /** No fit options: the trainer's defaults. */
    public static final FitSpec DEFAULT = new FitSpec(null, null, null, null, null, null, null);

    /** Fit options without trainer summaries and resumable checkpoints. */
    public FitSpec(Integer epochs, Integer batchSize, EarlyStopping earlyStopping, Schedule schedule, String tensorboardDir) {
        this(epochs, batchSize, earlyStopping, schedule, tensorboardDir, null, null);
    }

    /** Fit options without a TensorBoard logdir. */
    public FitSpec(Integer epochs, Integer batchSize, EarlyStopping earlyStopping, Schedule schedule) {
        this(epochs, batchSize, earlyStopping, schedule, null);
    }

    /**
     * Summaries a trainer logs besides its metrics ({@code fit: {summaries: {histograms: N, images: N, evaluation: B}}}).
     *
     * @param histograms DJL: a histogram of every layer's weights and of their gradients every this many epochs, 0 for never
     * @param images     DJL image classifiers: grids of sample and worst predictions every this many epochs, 0 for never
     * @param evaluation classifiers: the confusion matrix (image and table) and, for DJL, PR curves per class at the end
     */
    public record Summaries(int histograms, int images, boolean evaluation) {
    }

    /**
     * Stop when the monitored metric has not improved by {@code minDelta} for {@code patience} epochs.
     *
     * @param monitor     the metric watched; the study's (first) metric unless given
     * @param patience    epochs without improvement before stopping, at least 0
     * @param minDelta    smallest change that counts as an improvement, at least 0
     * @param restoreBest whether to restore the weights of the best epoch at the end
     * @param monitorGiven whether the file gives {@code monitor} (else it is the study's metric), so a check of the
     *                     monitor can name that field even when it equals the metric
     */
    public record EarlyStopping(String monitor, int patience, double minDelta, boolean restoreBest, boolean monitorGiven) {
    }

    /**
     * A learning-rate schedule.
     *
     * @param type    one of {@link SpecCatalog#schedules()}
     * @param options free-form options (plain Java values), checked by the trainer
     */
    public record Schedule(String type, Map<String, Object> options) {
        public Schedule {
            options = Options.copy(options);
        }
    }
}
