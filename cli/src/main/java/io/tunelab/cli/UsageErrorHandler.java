package io.tunelab.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * Prints an option value that could not be converted ({@code --state bogus}, {@code --format xml}) as one line, as
 * {@link ErrorHandler} prints other errors: the command's path, the option, the value and what it accepts
 * ({@code trials: Invalid value for option '--state' (STATE): expected one of ..., got 'bogus'}), then a hint at
 * {@code --help} instead of the whole usage text, with exit code 2. Every other usage error (an unknown option, a
 * missing parameter) goes to picocli's handler, which prints the usage.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
    private final IParameterExceptionHandler fallback;

    UsageErrorHandler(IParameterExceptionHandler fallback) {
        this.fallback = fallback;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) throws Exception {
        if (!(e.getCause() instanceof TypeConversionException)) {
            return fallback.handleParseException(e, args);
        }
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String path = ErrorHandler.path(command);
        err.println(path + ": " + e.getMessage());
        err.println("(`tunelab " + path + " --help` lists the options)");
        err.flush();
        return ExitCodes.INVALID_INPUT;
    }
}
