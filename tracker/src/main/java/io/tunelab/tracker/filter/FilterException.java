package io.tunelab.tracker.filter;

import io.tunelab.tracker.TrackerException;

/**
 * A filter or sort expression that cannot be parsed, or names a field no trial has; INVALID input. The message
 * quotes the expression and says where, what was found and what was expected.
 */
public final class FilterException extends TrackerException {
    public FilterException(String message) {
        super(Kind.INVALID, message);
    }
}
