package io.tunelab.serving;

/** Input that cannot be predicted on, named in the message: the server answers it with a 400, {@code predict} quits with it. */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }
}
