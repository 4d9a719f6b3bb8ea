package io.tunelab.dashboard.query;

import io.tunelab.dashboard.DashboardException;

/** A filter or sort expression that cannot be parsed; the message says where and what was expected. */
public final class FilterException extends DashboardException {
    public FilterException(String message) {
        super(Kind.BAD_REQUEST, message);
    }
}
