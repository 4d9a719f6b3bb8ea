package io.tunelab.trainers.callback;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.tunelab.search.summary.WeightHistogramTags;
import io.tunelab.search.trial.Trial;
import io.tunelab.trainers.TrainersException;
import java.util.Map;

/**
 * Logs a histogram of every parameter of the network (each layer's weights and biases) and one of its
 * gradient to the trial every {@code every} epochs, at step = epoch, tagged as Keras's TensorBoard callback
 * tags them ({@link WeightHistogramTags}: {@code dense/kernel_0}, its gradient {@code dense/kernel_0_grad}): the
 * opt-in {@code fit: {summaries: {histograms: N}}}, Keras's {@code histogram_freq}. The gradients are those
 * of the <em>last batch</em> of the epoch as the optimizer applied them (after clipping), not a sum over the
 * epoch, so one batch's noise shows; watching them costs a
 * copy of the gradients per batch on the device during those epochs only
 * ({@link TrainingContext#watchGradients()}). A logging failure is logged and ignored (see
 * {@link TrainingCallback}).
 */
public final class WeightHistograms implements TrainingCallback {
    private final Trial trial;
    private final Block block;
    private final int every;
    private final Map<String, String> tags;

    public WeightHistograms(Trial trial, Block block, int every) {
        if (every < 1) {
            throw new TrainersException("summaries.histograms: every " + every + " epochs; expected at least 1");
        }
        this.trial = trial;
        this.block = block;
        this.every = every;
        this.tags = WeightHistogramTags.of(block.getParameters().keys());
    }

    @Override
    public void onEpochBegin(int epoch, TrainingContext context) {
        if (epoch % every == 0) {
            context.watchGradients();
        }
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics, TrainingContext context) {
        if (metrics.epoch() % every != 0) {
            return;
        }
        Map<String, float[]> gradients = context.takeGradients();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (!p.getValue().isInitialized()) {
                continue;
            }
            String tag = tags.get(p.getKey());
            trial.logHistogram(tag, metrics.epoch(), doubles(p.getValue().getArray().toFloatArray()));
            float[] g = gradients.get(p.getValue().getId());
            if (g != null) {
                trial.logHistogram(WeightHistogramTags.gradient(tag), metrics.epoch(), doubles(g));
            }
        }
    }

    private static double[] doubles(float[] values) {
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }
}
