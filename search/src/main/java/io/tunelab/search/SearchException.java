package io.tunelab.search;

/**
 * Root of every exception the {@code search} module throws on purpose.
 *
 * <p>Messages name the offending parameter, trial or study, the bad value and what was expected,
 * so that callers can show them to a user as they are.
 */
public class SearchException extends RuntimeException {
    public SearchException(String message) {
        super(message);
    }

    public SearchException(String message, Throwable cause) {
        super(message, cause);
    }
}
