package io.tunelab.cli;

import io.tunelab.cli.error.CliException;
import io.tunelab.search.SearchException;
import io.tunelab.search.storage.StorageException;
import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one line on standard error, prefixed with the command's path below
 * {@code tunelab} ({@code export tensorboard: ...}), and an exit code: 2 when
 * the user's input is at fault ({@link CliException}, an invalid study file, an invalid definition, an unknown study), 1
 * for anything else. The stack trace is printed only with {@code --debug}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
    /**
     * The user-input exceptions of modules that are not on the read commands' short class path (the launcher starts
     * {@code studies}, {@code trials}, {@code best} and {@code compare} without the spec and TensorBoard jars), known by
     * name: an {@code instanceof} of such a class would load it, and fail there with {@link NoClassDefFoundError}.
     */
    static final Set<String> INPUT_ERRORS_BY_NAME = Set.of("io.tunelab.spec.SpecValidationException",
            "io.tunelab.tensorboard.TensorBoardException");

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getName() : e.getMessage();
        err.println(path(command) + ": " + message);
        int code = exitCode(e);
        if (debug(parseResult)) {
            e.printStackTrace(err);
        } else if (code == ExitCodes.RUNTIME_FAILURE) {
            err.println("(run with --debug for the stack trace)");
        }
        err.flush();
        return code;
    }

    /** The command's name with its parents' below the root ({@code export tensorboard}); the root's own name. */
    static String path(CommandLine command) {
        String path = command.getCommandName();
        for (CommandLine c = command.getParent(); c != null && c.getParent() != null; c = c.getParent()) {
            path = c.getCommandName() + " " + path;
        }
        return path;
    }

    /** 2 for input the user can fix, 1 for failures at run time. */
    static int exitCode(Throwable e) {
        if (e instanceof StorageException s) {
            return s.kind() == StorageException.Kind.UNAVAILABLE ? ExitCodes.RUNTIME_FAILURE : ExitCodes.INVALID_INPUT;
        }
        if (e instanceof CliException || e instanceof SearchException || e instanceof IllegalArgumentException
                || isNamed(e.getClass(), INPUT_ERRORS_BY_NAME)) {
            return ExitCodes.INVALID_INPUT;
        }
        return ExitCodes.RUNTIME_FAILURE;
    }

    /** Whether {@code type} or one of its superclasses has one of these names; loads no class. */
    private static boolean isNamed(Class<?> type, Set<String> names) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (names.contains(c.getName())) {
                return true;
            }
        }
        return false;
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
