package io.tunelab.search.summary;

import io.tunelab.search.SearchException;

/** A summary that is malformed or over a {@link SummaryLimits} limit; the message names the summary and the limit. */
public class InvalidSummaryException extends SearchException {
    public InvalidSummaryException(String message) {
        super(message);
    }
}
