package io.tunelab.tracker;

import io.tunelab.search.storage.StorageException;

/**
 * Root of every exception the tracker throws on purpose. It is a {@link StorageException}, so callers of
 * the {@code TrialStorage} port and of the tracker's own stores handle one type and map its
 * {@link #kind()} (NOT_FOUND, CONFLICT, INVALID, UNAVAILABLE) to a response.
 */
public class TrackerException extends StorageException {
    public TrackerException(Kind kind, String message) {
        super(kind, message);
    }

    public TrackerException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
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
}
