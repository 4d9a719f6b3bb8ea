package io.tunelab.trainers.callback;

import io.tunelab.trainers.TrainersException;

/**
 * Thrown by a callback to end training at once; the objective rethrows it, so the trial ends as FAIL
 * with this message.
 */
public class TrainingStoppedException extends TrainersException {
    public TrainingStoppedException(String message) {
        super(message);
    }
}
