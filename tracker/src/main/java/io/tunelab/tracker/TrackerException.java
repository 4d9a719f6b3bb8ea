package io.tunelab.tracker;

import io.tunelab.search.storage.StorageException;

/**
 * Root of every exception the tracker throws on purpose. It is a {@link StorageException}, so callers of
 * the {@code TrialStorage} port and of the tracker's own stores handle one type and map its
 * {@link #kind()} (NOT_FOUND, CONFLICT, INVALID, UNAVAILABLE, and {@link #busy()}) to a response.
 */
public class TrackerException extends StorageException {
    public TrackerException(Kind kind, String message) {
        super(kind, message);
    }

    public TrackerException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }

    private TrackerException(Kind kind, String message, Throwable cause, boolean busy) {
        super(kind, message, cause, busy);
    }

    public static TrackerException notFound(String message) {
        return new TrackerException(Kind.NOT_FOUND, message);
    }

    public static TrackerException conflict(String message) {
        return new TrackerException(Kind.CONFLICT, message);
    }

    public static TrackerException invalid(String message) {
        return new TrackerException(Kind.INVALID, message);
    }

    public static TrackerException unavailable(String message, Throwable cause) {
        return new TrackerException(Kind.UNAVAILABLE, message, cause);
    }

    /**
     * UNAVAILABLE for a database that is reachable but had no free connection for as long as the caller would wait
     * (every pooled connection held by other work): {@link #busy()}, so callers can say "busy", not "unreachable".
     */
    public static TrackerException busy(String message, Throwable cause) {
        return new TrackerException(Kind.UNAVAILABLE, message, cause, true);
    }
}
