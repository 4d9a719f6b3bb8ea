package io.tunelab.search.storage;

import io.tunelab.search.SearchException;

/**
 * A storage operation that cannot be carried out. {@link #kind()} tells callers (HTTP APIs, the CLI)
 * what sort of problem it is without parsing the message. An UNAVAILABLE that is {@link #busy()} comes from a store
 * that answers but had no free connection for as long as the caller would wait: retried like an outage, and not to be
 * reported as one ("busy", not "unreachable").
 */
public class StorageException extends SearchException {
    /** What went wrong, in terms a caller can map to a response. */
    public enum Kind { NOT_FOUND, CONFLICT, INVALID, UNAVAILABLE }

    private final Kind kind;
    private final boolean busy;

    public StorageException(Kind kind, String message) {
        super(message);
        this.kind = kind;
        this.busy = false;
    }

    public StorageException(Kind kind, String message, Throwable cause) {
        this(kind, message, cause, false);
    }

    /** An exception of {@code kind}; {@code busy} only with UNAVAILABLE (see {@link #busy()}). */
    protected StorageException(Kind kind, String message, Throwable cause, boolean busy) {
        super(message, cause);
        if (busy && kind != Kind.UNAVAILABLE) {
            throw new IllegalArgumentException("only an UNAVAILABLE storage exception can be busy, got " + kind);
        }
        this.kind = kind;
        this.busy = busy;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether this UNAVAILABLE is a store that answers but whose connections all stayed in use, not an outage. */
    public boolean busy() {
        return busy;
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

    /** UNAVAILABLE of a store that answers but had no free connection in time ({@link #busy()}). */
    public static StorageException busy(String message) {
        return new StorageException(Kind.UNAVAILABLE, message, null, true);
    }
}
