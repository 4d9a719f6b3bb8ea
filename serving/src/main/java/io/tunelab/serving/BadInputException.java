package io.tunelab.serving;

/** A request the server cannot answer because of its content; becomes a 400 with the message. */
class BadInputException extends RuntimeException {
    BadInputException(String message) {
        super(message);
    }
}
