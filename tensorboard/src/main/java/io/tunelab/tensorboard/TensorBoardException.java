package io.tunelab.tensorboard;

/**
 * Root of every exception the {@code tensorboard} module throws on purpose: an unwritable logdir, a
 * path that is not a logdir, a value TensorBoard cannot hold. Messages name the file or field, the bad
 * value and what was expected. A corrupt record is not an exception: readers report it and go on.
 */
public class TensorBoardException extends RuntimeException {
    public TensorBoardException(String message) {
        super(message);
    }

    public TensorBoardException(String message, Throwable cause) {
        super(message, cause);
    }
}
