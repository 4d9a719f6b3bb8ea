package io.tunelab.search.space;

import io.tunelab.search.SearchException;

/** A distribution definition or a parameter value that breaks the distribution's rules. */
public class InvalidDistributionException extends SearchException {
    public InvalidDistributionException(String message) {
        super(message);
    }

    /** The same problem, prefixed with the parameter it concerns, e.g. {@code parameter 'lr': ...}. */
    public InvalidDistributionException forParameter(String name) {
        return new InvalidDistributionException("parameter '" + name + "': " + getMessage());
    }
}
