package io.tunelab.trainers.callback;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.tunelab.search.trial.Trial;
import io.tunelab.trainers.TrainersException;

/**
 * Logs a histogram of every parameter of the network (each layer's weights and biases) to the trial every
 * {@code every} epochs, at step = epoch, tagged {@code weights/<parameter name>}: the opt-in
 * {@code fit: {summaries: {histograms: N}}}, Keras's {@code histogram_freq}. A logging failure is logged and
 * ignored (see {@link TrainingCallback}).
 */
public final class WeightHistograms implements TrainingCallback {
    /** Prefix of the tags. */
    public static final String PREFIX = "weights/";

    private final Trial trial;
    private final Block block;
    private final int every;

    public WeightHistograms(Trial trial, Block block, int every) {
        if (every < 1) {
            throw new TrainersException("summaries.histograms: every " + every + " epochs; expected at least 1");
        }
        this.trial = trial;
        this.block = block;
        this.every = every;
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics, TrainingContext context) {
        if (metrics.epoch() % every != 0) {
            return;
        }
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (!p.getValue().isInitialized()) {
                continue;
            }
            float[] values = p.getValue().getArray().toFloatArray();
            double[] doubles = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                doubles[i] = values[i];
            }
            trial.logHistogram(PREFIX + p.getKey(), metrics.epoch(), doubles);
        }
    }
}
