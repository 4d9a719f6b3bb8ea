package io.tunelab.trainers.djl.train;

import io.tunelab.search.space.Distribution;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.callback.Monitor;
import io.tunelab.trainers.device.SlotDevices;
import java.util.Map;
import java.util.Objects;

/**
 * How a {@link DjlObjective} turns trials into training runs.
 *
 * @param model            the architecture family unless the trial sets {@code model}: mlp, wide_deep or cnn
 * @param space            distributions of the sampled hyperparameters ({@link ParamNames})
 * @param fixed            values of hyperparameters held fixed (e.g. {@code epochs}, {@code batch_size})
 * @param monitor          the metric returned as the trial's value and reported for pruning
 * @param stopOn           the metric early stopping watches and by which the best epoch is chosen (its weights
 *                         restored and checkpointed), as Keras's {@code EarlyStopping(monitor=...)}; null: {@code
 *                         monitor}
 * @param restoreBest      whether the trial's value and final weights are those of its best epoch by {@link
 *                         #stopping()} (otherwise of its last), as Keras's {@code restore_best_weights}
 * @param checkpoint       whether the best model is attached to the trial as artifacts
 * @param divergenceFactor how many times the first batch's loss counts as exploding
 * @param devices          maps the trial's slot to a device
 * @param summaries        the summaries logged besides the metrics ({@code fit: {summaries: {...}}})
 * @param checkpointEvery  save a resumable checkpoint after every this many epochs ({@link ResumeCheckpoints}),
 *                         and let a retry continue from its predecessor's; 0 for never
 */
public record DjlObjectiveConfig(String model, Map<String, Distribution> space, Map<String, Object> fixed,
                                 Monitor monitor, Monitor stopOn, boolean restoreBest, boolean checkpoint, double divergenceFactor,
                                 SlotDevices devices, SummaryOptions summaries, int checkpointEvery) {
    public DjlObjectiveConfig {
        Objects.requireNonNull(summaries, "summaries");
        Objects.requireNonNull(model, "model");
        space = Map.copyOf(space);
        fixed = Map.copyOf(fixed);
        Objects.requireNonNull(monitor, "monitor");
        Objects.requireNonNull(devices, "devices");
        if (!(divergenceFactor > 1)) {
            throw new TrainersException("divergence factor must be more than 1, got " + divergenceFactor);
        }
        if (checkpointEvery < 0) {
            throw new TrainersException("checkpoint_every must be 0 (never) or a number of epochs, got " + checkpointEvery);
        }
    }

    /**
     * An MLP objective over {@code space}: maximises val_accuracy, best epoch restored and checkpointed,
     * device from the engine's GPUs.
     */
    public static DjlObjectiveConfig mlp(Map<String, Distribution> space, Map<String, Object> fixed) {
        return new DjlObjectiveConfig("mlp", space, fixed, Monitor.of("val_accuracy"), null, true, true, 100, SlotDevices.ofEngine(),
                SummaryOptions.NONE, 0);
    }

    /** The same, for a CNN. */
    public static DjlObjectiveConfig cnn(Map<String, Distribution> space, Map<String, Object> fixed) {
        return mlp(space, fixed).withModel("cnn");
    }

    public DjlObjectiveConfig withModel(String m) {
        return new DjlObjectiveConfig(m, space, fixed, monitor, stopOn, restoreBest, checkpoint, divergenceFactor, devices, summaries,
                checkpointEvery);
    }

    public DjlObjectiveConfig withMonitor(Monitor m) {
        return new DjlObjectiveConfig(model, space, fixed, m, stopOn, restoreBest, checkpoint, divergenceFactor, devices, summaries,
                checkpointEvery);
    }

    /** The metric early stopping watches and the best epoch is chosen by: {@link #stopOn}, or else {@link #monitor}. */
    public Monitor stopping() {
        return stopOn != null ? stopOn : monitor;
    }

    /** The same, with early stopping and the best epoch going by {@code m} (null: by {@link #monitor}). */
    public DjlObjectiveConfig withStopOn(Monitor m) {
        return new DjlObjectiveConfig(model, space, fixed, monitor, m, restoreBest, checkpoint, divergenceFactor, devices,
                summaries, checkpointEvery);
    }

    /** The same, with the trial's value and final weights those of its best epoch ({@code true}) or its last. */
    public DjlObjectiveConfig withRestoreBest(boolean on) {
        return new DjlObjectiveConfig(model, space, fixed, monitor, stopOn, on, checkpoint, divergenceFactor, devices,
                summaries, checkpointEvery);
    }

    public DjlObjectiveConfig withCheckpoint(boolean on) {
        return new DjlObjectiveConfig(model, space, fixed, monitor, stopOn, restoreBest, on, divergenceFactor, devices, summaries,
                checkpointEvery);
    }

    public DjlObjectiveConfig withDevices(SlotDevices d) {
        return new DjlObjectiveConfig(model, space, fixed, monitor, stopOn, restoreBest, checkpoint, divergenceFactor, d, summaries,
                checkpointEvery);
    }

    /** The same, logging weight and gradient histograms every {@code epochs} epochs (0: never). */
    public DjlObjectiveConfig withHistograms(int epochs) {
        return withSummaries(new SummaryOptions(epochs, summaries.images(), summaries.evaluation()));
    }

    /** The same, logging {@code s}. */
    public DjlObjectiveConfig withSummaries(SummaryOptions s) {
        return new DjlObjectiveConfig(model, space, fixed, monitor, stopOn, restoreBest, checkpoint, divergenceFactor, devices, s,
                checkpointEvery);
    }

    /** Resumable checkpoints after every {@code epochs} epochs; 0 turns them off. */
    public DjlObjectiveConfig withCheckpointEvery(int epochs) {
        return new DjlObjectiveConfig(model, space, fixed, monitor, stopOn, restoreBest, checkpoint, divergenceFactor, devices,
                summaries, epochs);
    }
}
