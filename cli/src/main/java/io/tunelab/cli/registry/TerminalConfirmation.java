package io.tunelab.cli.registry;

import io.tunelab.cli.error.CliException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** Asks a yes/no question before a deletion, on a terminal only: without one (a script, a pipe) it refuses. */
final class TerminalConfirmation {
    private TerminalConfirmation() {
    }

    /**
     * Whether the user answered yes to {@code question}.
     *
     * @param refusal the error when there is no terminal to ask on (which should say to pass --yes)
     * @throws CliException {@code refusal} when there is no terminal
     */
    static boolean confirmed(PrintWriter out, String question, String refusal) {
        Console console = System.console();
        if (console == null) {
            throw new CliException(refusal);
        }
        out.print(question + " This cannot be undone. [y/N] ");
        out.flush();
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            answer = null;
        }
        return answer != null && List.of("y", "yes").contains(answer.trim().toLowerCase(Locale.ROOT));
    }
}
