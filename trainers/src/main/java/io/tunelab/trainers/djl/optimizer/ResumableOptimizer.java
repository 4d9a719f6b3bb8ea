package io.tunelab.trainers.djl.optimizer;

import io.tunelab.trainers.djl.TrainingState;

/**
 * An optimizer whose whole state (per-parameter arrays and update counts) can be saved and put back
 * into a new instance of the same optimizer, so that a resumed run makes exactly the updates the
 * uninterrupted one would have made. Every optimizer {@link OptimizerSpec#build} makes is one.
 */
public interface ResumableOptimizer {
    /** Puts the state into {@code state} under {@code optimizer/}. */
    void saveState(TrainingState state);

    /**
     * Takes the state {@link #saveState} wrote; only before the first update.
     *
     * @throws io.tunelab.trainers.TrainersException when the optimizer has already made updates
     */
    void restoreState(TrainingState state);
}
