package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.query.BestCommand;
import io.tunelab.cli.query.StudiesCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SubcommandsTest {

    private static CommandLine rootFor(String... args) {
        return TunelabCommand.commandLineFor(new DefaultWiring(), args);
    }

    private static String usage(CommandLine cmd, String... args) {
        StringWriter out = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(out, true));
        cmd.execute(args);
        return out.toString();
    }

    @Test
    void aCommandLineThatNamesASubcommandRegistersOnlyThatOne() {
        assertThat(rootFor("studies", "--storage", "x").getSubcommands()).containsOnlyKeys("studies");
        assertThat(Subcommands.named(TunelabCommand.SUBCOMMANDS, "best", "s")).contains(BestCommand.class);
    }

    @Test
    void optionsBeforeTheSubcommandAreSkipped() {
        assertThat(Subcommands.named(TunelabCommand.SUBCOMMANDS, "--debug", "studies")).contains(StudiesCommand.class);
    }

    @Test
    void noSubcommandAnUnknownWordHelpOrAnArgumentFileRegisterEveryOne() {
        int all = TunelabCommand.SUBCOMMANDS.size();
        assertThat(rootFor().getSubcommands()).hasSize(all);
        assertThat(rootFor("--help").getSubcommands()).hasSize(all);
        assertThat(rootFor("stuides").getSubcommands()).hasSize(all);
        assertThat(rootFor("help", "studies").getSubcommands()).hasSize(all);
        assertThat(rootFor("@args.txt").getSubcommands()).hasSize(all);
        assertThat(rootFor("--", "studies").getSubcommands()).hasSize(all);
    }

    @Test
    void aRequestForTheVersionAloneRegistersNoSubcommandAndPrintsTheSameLine() {
        assertThat(rootFor("--version").getSubcommands()).isEmpty();
        assertThat(rootFor("--debug", "-V").getSubcommands()).isEmpty();
        assertThat(usage(rootFor("--version"), "--version"))
                .isEqualTo(usage(TunelabCommand.commandLine(new DefaultWiring()), "--version"))
                .startsWith("tunelab ");
    }

    @Test
    void theVersionWithAnythingElseStillGetsEverySubcommand() {
        int all = TunelabCommand.SUBCOMMANDS.size();
        assertThat(rootFor("--version", "--no-such-option").getSubcommands()).hasSize(all);
        assertThat(rootFor("--version", "--help").getSubcommands()).hasSize(all);
        assertThat(rootFor("--version", "stuides").getSubcommands()).hasSize(all);
        assertThat(usage(rootFor("--version", "--no-such-option"), "--version", "--no-such-option"))
                .isEqualTo(usage(TunelabCommand.commandLine(new DefaultWiring()), "--version", "--no-such-option"));
    }

    @Test
    void theRootUsageListsEverySubcommandInTheDeclaredOrder() {
        String usage = usage(rootFor("--help"), "--help");
        assertThat(usage).containsSubsequence("studies", "trials", "best", "compare", "run", "create", "worker", "demo",
                "dashboard", "models", "promote", "alias", "describe", "archive",
                "serve", "server", "bench", "devices", "export", "import", "help");
    }

    @Test
    void aSubcommandsUsageAndErrorsReadAsWithEverySubcommandRegistered() {
        assertThat(usage(rootFor("best", "--help"), "best", "--help"))
                .isEqualTo(usage(TunelabCommand.commandLine(new DefaultWiring()), "best", "--help"));
        assertThat(usage(rootFor("best", "--no-such-option"), "best", "--no-such-option"))
                .isEqualTo(usage(TunelabCommand.commandLine(new DefaultWiring()), "best", "--no-such-option"));
    }

    @Test
    void anUnknownSubcommandStillGetsPicoclisSuggestion() {
        assertThat(usage(rootFor("stuides"), "stuides")).contains("studies");
    }
}
