package io.tunelab.cli.wiring;

import io.tunelab.cli.error.CliException;

/**
 * A {@code TUNELAB_*} environment variable the CLI reads, and the error that names it when its value is bad: the
 * user set it outside the command line, so an error must say which variable and value to fix.
 *
 * @param name  the variable's name
 * @param value its value, or null when it is not set
 */
public record EnvironmentVariable(String name, String value) {

    /** The variable {@code name} of this process's environment. */
    public static EnvironmentVariable read(String name) {
        return new EnvironmentVariable(name, System.getenv(name));
    }

    /** Whether the variable is set to something other than blanks. */
    public boolean isSet() {
        return value != null && !value.isBlank();
    }

    /** {@code TUNELAB_X=value: expected ...}, the value shown as {@code shown} (e.g. with a password redacted). */
    public CliException invalid(String shown, String expected) {
        return new CliException(name + "=" + shown + ": expected " + expected);
    }

    /** {@code TUNELAB_X=value: expected ...}. */
    public CliException invalid(String expected) {
        return invalid(value, expected);
    }
}
