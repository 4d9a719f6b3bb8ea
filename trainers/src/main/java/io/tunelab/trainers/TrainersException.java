package io.tunelab.trainers;

/**
 * Root of every exception the {@code trainers} module throws on purpose.
 *
 * <p>Messages name the offending parameter, file or value and what was expected, so that callers can
 * show them to a user as they are.
 */
public class TrainersException extends RuntimeException {
    public TrainersException(String message) {
        super(message);
    }

    public TrainersException(String message, Throwable cause) {
        super(message, cause);
    }
}
