package io.tunelab.serving;

/** A request body over the server's limit; becomes a 413 with the message. */
final class BodyTooLargeException extends BadInputException {
    BodyTooLargeException(String message) {
        super(message);
    }
}
