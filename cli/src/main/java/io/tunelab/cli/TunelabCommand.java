package io.tunelab.cli;

import io.tunelab.cli.query.BestCommand;
import io.tunelab.cli.registry.AliasCommand;
import io.tunelab.cli.registry.ArchiveCommand;
import io.tunelab.cli.registry.CopyCommand;
import io.tunelab.cli.registry.DeleteCommand;
import io.tunelab.cli.registry.DeleteModelCommand;
import io.tunelab.cli.registry.DescribeCommand;
import io.tunelab.cli.registry.ModelsCommand;
import io.tunelab.cli.registry.PromoteCommand;
import io.tunelab.cli.registry.DownloadCommand;
import io.tunelab.cli.registry.PredictCommand;
import io.tunelab.cli.registry.ServeCommand;
import io.tunelab.cli.query.CompareCommand;
import io.tunelab.cli.query.ImportanceCommand;
import io.tunelab.cli.query.StudiesCommand;
import io.tunelab.cli.query.TrialCommand;
import io.tunelab.cli.query.TrialsCommand;
import io.tunelab.cli.bench.BenchCommand;
import io.tunelab.cli.tensorboard.ExportCommand;
import io.tunelab.cli.tensorboard.ImportCommand;
import io.tunelab.cli.wiring.Wiring;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code tunelab} command: the composition root that wires concrete classes together.
 * Exit codes: 0 success, 2 invalid input, 1 runtime failure.
 */
@Command(name = "tunelab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "AutoML hyperparameter search, experiment tracking and model registry for the JVM.")
public final class TunelabCommand implements Runnable {
    /**
     * The subcommands, in the order {@code tunelab --help} lists them. Registered by {@link Subcommands}: only the
     * one a command line names, so that {@code tunelab studies} does not build the options of every other command.
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            StudiesCommand.class,
            TrialsCommand.class,
            TrialCommand.class,
            BestCommand.class,
            CompareCommand.class,
            ImportanceCommand.class,
            DeleteCommand.class,
            CopyCommand.class,
            RunCommand.class,
            CreateCommand.class,
            WorkerCommand.class,
            DemoCommand.class,
            DashboardCommand.class,
            ModelsCommand.class,
            PromoteCommand.class,
            AliasCommand.class,
            DescribeCommand.class,
            ArchiveCommand.class,
            DeleteModelCommand.class,
            ServeCommand.class,
            PredictCommand.class,
            DownloadCommand.class,
            ServerCommand.class,
            BenchCommand.class,
            DevicesCommand.class,
            ExportCommand.class,
            ImportCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line with the real wiring and every subcommand. */
    public static CommandLine commandLine() {
        return commandLine(new DefaultWiring());
    }

    /** The command line with the given wiring (tests pass their own) and every subcommand. */
    public static CommandLine commandLine(Wiring wiring) {
        CommandLine cmd = commandLine(new TunelabCommand(), wiring);
        Subcommands.addAll(cmd, SUBCOMMANDS);
        return cmd;
    }

    /**
     * The command line that executes {@code args}: with only the subcommand they name when they name one, with
     * every subcommand otherwise (help, usage errors, the version). Parses and runs exactly as
     * {@link #commandLine(Wiring)} would.
     */
    public static CommandLine commandLineFor(Wiring wiring, String... args) {
        CommandLine cmd = commandLine(new TunelabCommand(), wiring);
        Subcommands.addFor(cmd, SUBCOMMANDS, args);
        return cmd;
    }

    /**
     * A command line for another root command (such as the Spark application's) built like {@code tunelab}'s: the
     * wiring handed to commands that take it, errors (an option value that cannot be converted too) as one line and exit
     * code 2 or 1.
     */
    public static CommandLine commandLine(Object root, Wiring wiring) {
        skipUnusedConverters();
        CommandLine cmd = new CommandLine(root, new CommandFactory(wiring));
        cmd.setExecutionExceptionHandler(new ErrorHandler());
        cmd.setParameterExceptionHandler(new UsageErrorHandler(cmd.getParameterExceptionHandler()));
        return cmd;
    }

    /** picocli's system property naming built-in converters not to load (regular expressions, comma-separated). */
    static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

    /**
     * picocli registers its converters for {@code java.time} and {@code java.sql} types by reflection, which initialises
     * those classes (the date-time formatters among them): about 20 ms of every command's start-up. No option of ours
     * has such a type ({@code TunelabCommandTest} checks every option of every command), so they are not loaded,
     * unless the property is set already.
     */
    static void skipUnusedConverters() {
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, "java\\.time\\..*,java\\.sql\\..*");
        }
    }

    public static void main(String[] args) {
        debugLogging(args);
        System.exit(commandLineFor(new DefaultWiring(), args).execute(args));
    }

    /** The system property that sets the connection pool's log level (the cli's simplelogger.properties turns it off). */
    static final String POOL_LOG_LEVEL = "org.slf4j.simpleLogger.log.com.zaxxer.hikari";

    /** With {@code --debug}, the connection pool's warnings show (system properties win over simplelogger.properties). */
    static void debugLogging(String[] args) {
        if (java.util.Arrays.asList(args).contains("--debug") && System.getProperty(POOL_LOG_LEVEL) == null) {
            System.setProperty(POOL_LOG_LEVEL, "warn");
        }
    }

    /** Held so that java.util.logging cannot forget their levels when it collects unused loggers. */
    private static final java.util.List<java.util.logging.Logger> QUIETED = new java.util.ArrayList<>();

    /**
     * Tribuo logs every tree and training run through java.util.logging: keep warnings only. Called where Tribuo is
     * wired ({@link DefaultWiring#trainers()}), not at start-up: the first java.util.logging logger makes the JDK
     * look for a logging back-end in every jar of the class path, which costs a read-only command a tenth of its
     * start-up. Idempotent.
     */
    public static synchronized void quietLibraries() {
        if (!QUIETED.isEmpty()) {
            return;
        }
        for (String name : java.util.List.of("org.tribuo", "com.oracle.labs.mlrg")) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            logger.setLevel(java.util.logging.Level.WARNING);
            QUIETED.add(logger);
        }
    }
}
