package io.tunelab.cli;

/** The exit codes of every {@code tunelab} command. */
final class ExitCodes {
    static final int OK = 0;
    /** Something failed while running: a bug, a full disk, an unreachable database. */
    static final int RUNTIME_FAILURE = 1;
    /** The user's input is wrong: a bad option, an invalid study file. */
    static final int INVALID_INPUT = 2;

    private ExitCodes() {
    }
}
