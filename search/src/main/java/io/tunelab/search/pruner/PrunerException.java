package io.tunelab.search.pruner;

import io.tunelab.search.SearchException;

/** A pruner configured with a value outside what it accepts; the message names the option and the value. */
public class PrunerException extends SearchException {
    public PrunerException(String message) {
        super(message);
    }

    /** Throws unless {@code value >= min}, naming {@code option}. */
    static int atLeast(String option, int value, int min) {
        if (value < min) {
            throw new PrunerException(option + " must be at least " + min + ", got " + value);
        }
        return value;
    }
}
