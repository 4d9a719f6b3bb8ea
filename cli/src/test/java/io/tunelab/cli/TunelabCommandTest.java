package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TunelabCommandTest {

    private static String run(String... args) {
        CommandLine cmd = TunelabCommand.commandLine();
        StringWriter out = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        int code = cmd.execute(args);
        assertThat(code).as("exit code of tunelab %s", String.join(" ", args)).isZero();
        return out.toString();
    }

    @Test
    void versionNamesTheProgram() {
        assertThat(run("--version")).startsWith("tunelab ");
    }

    @Test
    void helpListsTheSubcommands() {
        assertThat(run("--help")).contains("Usage: tunelab").contains("help");
    }
}
