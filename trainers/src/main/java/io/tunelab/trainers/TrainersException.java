package io.tunelab.trainers;

/**
 * Root of every exception the {@code trainers} module throws on purpose. Messages name the bad value
 * (a column, a parameter, a file) and what was expected, so they can be shown to a user as they are.
 */
public class TrainersException extends RuntimeException {
    public TrainersException(String message) {
        super(message);
    }

    public TrainersException(String message, Throwable cause) {
        super(message, cause);
    }
}
