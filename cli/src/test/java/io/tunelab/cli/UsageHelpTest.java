package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class UsageHelpTest {

    private static void collect(CommandLine cmd, List<CommandLine> all) {
        all.add(cmd);
        cmd.getSubcommands().values().forEach(sub -> collect(sub, all));
    }

    /** Picocli formats descriptions as format strings: a bare percent sign prints a warning above every help. */
    @Test
    void everyCommandsHelpRendersWithoutAFormattingWarning() {
        List<CommandLine> all = new ArrayList<>();
        collect(TunelabCommand.commandLine(new DefaultWiring()), all);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> helps = new ArrayList<>();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            all.forEach(cmd -> helps.add(cmd.getUsageMessage()));
        } finally {
            System.setErr(err);
        }

        assertThat(all).as("bench and its subcommands are among them").hasSizeGreaterThan(20);
        assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("WARN");
        assertThat(String.join("\n", helps)).contains("5-95%").contains("64%").contains("70%");
    }
}
