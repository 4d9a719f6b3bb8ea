package io.tunelab.trainers.callback;

/** The loss became NaN, infinite or exploded: training is hopeless with these hyperparameters. */
public class TrainingDivergedException extends TrainingStoppedException {
    public TrainingDivergedException(String message) {
        super(message);
    }
}
