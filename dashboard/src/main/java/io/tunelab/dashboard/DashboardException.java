package io.tunelab.dashboard;

/**
 * Root of every exception the dashboard throws on purpose. {@link #kind()} says what sort of problem
 * it is, so the HTTP layer can answer with the right status without parsing the message. Messages
 * name the bad value and what was expected.
 */
public class DashboardException extends RuntimeException {
    /** What went wrong, in terms a caller can map to a response. */
    public enum Kind {
        /** A study, trial, series, artifact or model that does not exist. */
        NOT_FOUND,
        /** A request parameter or body that cannot be understood. */
        BAD_REQUEST,
        /** A request body larger than the endpoint accepts. */
        TOO_LARGE,
        /** A state-changing action that contradicts the current state. */
        CONFLICT,
        /** A feature whose backing store is not configured (e.g. the model registry). */
        NOT_CONFIGURED,
        /** A state-changing action without the required token. */
        UNAUTHORIZED,
        /** A request refused on principle (e.g. a cross-site write). */
        FORBIDDEN,
        /** The backing store cannot be reached. */
        UNAVAILABLE
    }

    private final Kind kind;

    public DashboardException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public DashboardException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public static DashboardException notFound(String message) {
        return new DashboardException(Kind.NOT_FOUND, message);
    }

    public static DashboardException badRequest(String message) {
        return new DashboardException(Kind.BAD_REQUEST, message);
    }
}
