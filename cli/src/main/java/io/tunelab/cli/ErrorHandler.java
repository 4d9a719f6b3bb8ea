package io.tunelab.cli;

import io.tunelab.search.SearchException;
import io.tunelab.search.storage.StorageException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns an exception escaping a command into one line on standard error and an exit code: 2 when
 * the user's input is at fault (unknown study, invalid definition, bad option value), 1 otherwise.
 * The stack trace is printed only with {@code --debug}.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    static final int INVALID_INPUT = 2;
    static final int RUNTIME_FAILURE = 1;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        err.println(cmd.getColorScheme().errorText("tunelab " + cmd.getCommandName() + ": " + message));
        if (debug(parsed)) {
            e.printStackTrace(err);
        } else if (exitCode(e) == RUNTIME_FAILURE) {
            err.println("(run again with --debug for the stack trace)");
        }
        err.flush();
        return exitCode(e);
    }

    static int exitCode(Throwable e) {
        if (e instanceof StorageException s) {
            return s.kind() == StorageException.Kind.UNAVAILABLE ? RUNTIME_FAILURE : INVALID_INPUT;
        }
        if (e instanceof SearchException || e instanceof IllegalArgumentException) {
            return INVALID_INPUT;
        }
        return RUNTIME_FAILURE;
    }

    private static boolean debug(CommandLine.ParseResult parsed) {
        CommandLine.ParseResult p = parsed;
        while (p != null) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
            p = p.subcommand();
        }
        return false;
    }
}
