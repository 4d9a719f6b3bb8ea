package io.tunelab.search.storage;

import io.tunelab.search.SearchException;

/**
 * A storage operation that cannot be carried out. {@link #kind()} tells callers (HTTP APIs, the CLI)
 * what sort of problem it is without parsing the message.
 */
public class StorageException extends SearchException {
    /** What went wrong, in terms a caller can map to a response. */
    public enum Kind { NOT_FOUND, CONFLICT, INVALID, UNAVAILABLE }

    private final Kind kind;

    public StorageException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public StorageException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static StorageException notFound(String message) {
        return new StorageException(Kind.NOT_FOUND, message);
    }

    public static StorageException conflict(String message) {
        return new StorageException(Kind.CONFLICT, message);
    }

    public static StorageException invalid(String message) {
        return new StorageException(Kind.INVALID, message);
    }
}
