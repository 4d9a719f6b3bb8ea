package io.tunelab.trainers.callback;

/**
 * How a training run ended.
 *
 * @param epochs     epochs completed
 * @param stopReason why it stopped before the planned epochs (early stopping), or null
 * @param failure    the exception that ended it (pruning, divergence, an engine error), or null
 */
public record TrainingEnd(int epochs, String stopReason, Throwable failure) {
    /** True when it ran out of epochs or was stopped on request, without an exception. */
    public boolean completed() {
        return failure == null;
    }
}
