package io.tunelab.serving;

import io.tunelab.trainers.predict.Predictor;

/**
 * A predictor in service, counted while requests use it so that a replaced version is closed only
 * once the last request in flight has finished with it. Thread-safe.
 */
final class LoadedModel {
    final ModelRef ref;
    final Predictor predictor;
    private int users;
    private boolean retired;
    private boolean closed;

    LoadedModel(ModelRef ref, Predictor predictor) {
        this.ref = ref;
        this.predictor = predictor;
    }

    /** Registers a user; false if the model is already retired (the caller should take the new one). */
    synchronized boolean enter() {
        if (retired) {
            return false;
        }
        users++;
        return true;
    }

    synchronized void leave() {
        users--;
        closeIfIdle();
    }

    /** Takes the model out of service; it closes once idle. */
    synchronized void retire() {
        retired = true;
        closeIfIdle();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private void closeIfIdle() {
        if (retired && users == 0 && !closed) {
            closed = true;
            predictor.close();
        }
    }
}
