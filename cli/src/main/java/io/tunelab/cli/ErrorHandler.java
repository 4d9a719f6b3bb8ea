package io.tunelab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one line on standard error and an exit code: 2 for a
 * {@link CliException} (input the user can fix), 1 for anything else. The stack trace is printed only
 * with {@code --debug}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getName() : e.getMessage();
        err.println(command.getCommandName() + ": " + message);
        if (debug(parseResult)) {
            e.printStackTrace(err);
        } else if (!(e instanceof CliException)) {
            err.println("(run with --debug for the stack trace)");
        }
        err.flush();
        return e instanceof CliException ? ExitCodes.INVALID_INPUT : ExitCodes.RUNTIME_FAILURE;
    }

    private static boolean debug(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
