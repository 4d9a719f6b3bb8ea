package io.tunelab.trainers.callback;

import io.tunelab.trainers.djl.TrainingState;

/**
 * A callback whose state carries over epochs (a best value, a patience count, the best model) and is
 * saved with a resumable checkpoint, so that a resumed run decides exactly as the uninterrupted one.
 * Each kind writes its entries under its own prefix; a loop has at most one callback of each kind.
 */
public interface ResumableCallback extends TrainingCallback {
    /** Puts the state into {@code state}, after an epoch has ended. */
    void saveState(TrainingState state);

    /** Takes back what {@link #saveState} wrote, before the first epoch of the resumed run. */
    void restoreState(TrainingState state);
}
