package io.tunelab.cli.error;

/**
 * Root of the exceptions the {@code cli} module throws on purpose: bad input the user can fix.
 * Their messages are shown to the user as they are, without a stack trace unless {@code --debug}.
 */
public class CliException extends RuntimeException {
    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The message of {@code e}'s innermost cause (e.g. "Address already in use" under a server's own wrapper). */
    public static String rootMessage(Throwable e) {
        return rootCause(e).getMessage();
    }

    /** {@code e}'s innermost cause ({@code e} itself if it has none). */
    public static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
