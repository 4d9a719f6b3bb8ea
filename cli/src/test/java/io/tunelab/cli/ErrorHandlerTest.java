package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.error.CliException;
import io.tunelab.spec.SpecProblem;
import io.tunelab.spec.SpecValidationException;
import io.tunelab.tensorboard.TensorBoardException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

class ErrorHandlerTest {

    @Command(name = "fail")
    static final class Failing implements Runnable {
        @Option(names = "--debug")
        boolean debug;

        @Option(names = "--user-error")
        boolean userError;

        @Override
        public void run() {
            if (userError) {
                throw new CliException("study 'x' does not exist; create it with tunelab run");
            }
            throw new IllegalStateException("disk full");
        }
    }

    private static String[] run(String... args) {
        CommandLine cmd = new CommandLine(new Failing()).setExecutionExceptionHandler(new ErrorHandler());
        StringWriter err = new StringWriter();
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new String[] {Integer.toString(code), err.toString()};
    }

    @Test
    void anUnexpectedFailureIsOneLineAndExitCodeOneWithoutAStackTrace() {
        String[] r = run();

        assertThat(r[0]).isEqualTo("1");
        assertThat(r[1]).startsWith("fail: disk full").doesNotContain("\tat ");
    }

    @Test
    void aUserErrorExitsWithTwo() {
        String[] r = run("--user-error");

        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1].strip()).isEqualTo("fail: study 'x' does not exist; create it with tunelab run");
    }

    @Command(name = "export", subcommands = Failing.class)
    static final class Parent implements Runnable {
        @Override
        public void run() {
        }
    }

    @Command(name = "tunelab", subcommands = Parent.class)
    static final class Root implements Runnable {
        @Override
        public void run() {
        }
    }

    @Test
    void aSubcommandsErrorIsPrefixedWithItsPathBelowTheRoot() {
        CommandLine tunelab = new CommandLine(new Root()).setExecutionExceptionHandler(new ErrorHandler());
        StringWriter err = new StringWriter();
        tunelab.setErr(new PrintWriter(err));

        tunelab.execute("export", "fail", "--user-error");

        assertThat(err.toString()).startsWith("export fail: study 'x' does not exist");
    }

    @Test
    void debugAddsTheStackTrace() {
        assertThat(run("--debug")[1]).contains("java.lang.IllegalStateException: disk full").contains("\tat ");
    }

    @Test
    void anInvalidStudyFileAndATensorBoardErrorAreUserErrorsThoughTheyAreKnownByName() {
        SpecValidationException spec = new SpecValidationException(
                List.of(new SpecProblem("s.yaml", 1, 1, "budget", "trials must be at least 1, got 0")));
        TensorBoardException subclass = new TensorBoardException("no event files in runs/") { };

        assertThat(ErrorHandler.exitCode(spec)).isEqualTo(2);
        assertThat(ErrorHandler.exitCode(subclass)).isEqualTo(2);
        assertThat(ErrorHandler.INPUT_ERRORS_BY_NAME)
                .containsExactlyInAnyOrder(SpecValidationException.class.getName(), TensorBoardException.class.getName());
    }
}
