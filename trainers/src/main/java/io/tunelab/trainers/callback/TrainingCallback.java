package io.tunelab.trainers.callback;

/**
 * Hooks into a training run; every method does nothing unless overridden. The loop calls, in order:
 * {@link #onTrainBegin} once; per epoch {@link #onEpochBegin}, {@link #onBatchEnd} after each batch and
 * {@link #onEpochEnd}; and {@link #onTrainEnd} once, also when training stops with an exception.
 * Callbacks are called in the order they were given, all from the training thread.
 *
 * <h2>What a failing callback does</h2>
 * <ul>
 *   <li>Throwing {@link io.tunelab.search.trial.TrialPrunedException} or a
 *       {@link TrainingStoppedException} (such as {@link TrainingDivergedException}) from
 *       {@code onTrainBegin}, {@code onEpochBegin}, {@code onBatchEnd} or {@code onEpochEnd} stops
 *       training at once: later callbacks do not see that event, every callback's {@code onTrainEnd}
 *       still runs, and the exception reaches the objective, so the trial ends as PRUNED or FAIL.</li>
 *   <li>{@link TrainingContext#requestStop} ends training normally after the current epoch (early
 *       stopping); the trial completes.</li>
 *   <li>Any other {@link RuntimeException} from a callback — a storage hiccup while logging a metric, a
 *       full disk while saving a checkpoint — is logged as a warning naming the callback and ignored:
 *       training goes on, since losing hours of training to a logging failure is worse.</li>
 *   <li>Every exception from {@code onTrainEnd} is logged and ignored (training is over anyway).</li>
 *   <li>{@link Error}s (out of memory...) are never caught.</li>
 * </ul>
 */
public interface TrainingCallback {
    /** Before the first epoch. */
    default void onTrainBegin(TrainingContext context) {
    }

    /** Before epoch {@code epoch} (numbered from 1). */
    default void onEpochBegin(int epoch, TrainingContext context) {
    }

    /** After each optimizer step, with that batch's mean training loss. */
    default void onBatchEnd(int epoch, int batch, double loss, TrainingContext context) {
    }

    /** After an epoch's validation. */
    default void onEpochEnd(EpochMetrics metrics, TrainingContext context) {
    }

    /** Once at the end, however training ended. */
    default void onTrainEnd(TrainingEnd end, TrainingContext context) {
    }
}
