package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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

    @Test
    void noOptionOfAnyCommandHasATypeWhoseConverterIsNotLoaded() {
        CommandLine root = TunelabCommand.commandLine();
        assertThat(System.getProperty(TunelabCommand.CONVERTER_EXCLUDES)).isNotNull();
        List<String> excluded = new ArrayList<>();
        for (CommandLine cmd : everyCommand(root).toList()) {
            for (CommandLine.Model.ArgSpec arg : cmd.getCommandSpec().args()) {
                for (Class<?> type : Stream.concat(Stream.of(arg.type()), Stream.of(arg.auxiliaryTypes())).toList()) {
                    if (type.getName().startsWith("java.time.") || type.getName().startsWith("java.sql.")) {
                        excluded.add(cmd.getCommandSpec().qualifiedName() + " " + arg.paramLabel() + ": " + type.getName());
                    }
                }
            }
        }
        assertThat(excluded).as("options typed with classes whose picocli converters are not loaded").isEmpty();
    }

    @Test
    void theCommandTreeWalkedAboveReachesNestedSubcommands() {
        assertThat(everyCommand(TunelabCommand.commandLine()).map(c -> c.getCommandSpec().qualifiedName()))
                .contains("tunelab bench dashboard", "tunelab studies");
    }

    private static Stream<CommandLine> everyCommand(CommandLine cmd) {
        return Stream.concat(Stream.of(cmd), cmd.getSubcommands().values().stream().flatMap(TunelabCommandTest::everyCommand));
    }
}
