package io.tunelab.serving;

/** A request the server cannot answer because of its content; becomes a 400 with the message. */
final class BadInputException extends RuntimeException {
    BadInputException(String message) {
        super(message);
    }
}
