package io.tunelab.trainers.data;

import io.tunelab.trainers.TrainersException;

/** Thrown when a file is not a well-formed unsigned-byte IDX file; the message names the file. */
public class IdxFormatException extends TrainersException {
    public IdxFormatException(String message) {
        super(message);
    }
}
