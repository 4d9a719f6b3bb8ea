package io.tunelab.trainers.data;

import io.tunelab.trainers.TrainersException;

/**
 * Thrown when a named dataset is on no searched directory and cannot be downloaded (offline, download
 * disabled, server error or checksum mismatch). The message is one paragraph a user can act on.
 */
public class DatasetUnavailableException extends TrainersException {
    public DatasetUnavailableException(String message) {
        super(message);
    }

    public DatasetUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
