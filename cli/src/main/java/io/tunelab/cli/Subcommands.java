package io.tunelab.cli;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Registers a root command's subcommands, all of them or only the one a command line names. Picocli builds a
 * subcommand's model (every option, its annotations read by reflection) when it is registered; building all
 * eighteen took about 0.3 s of every {@code tunelab} start, most of a read-only command's time.
 *
 * <p>A command line names a subcommand when its first argument that is not an option ({@code --debug},
 * {@code -h}, ...) is that subcommand's name or alias. Anything else (no subcommand, an unknown word, an
 * {@code @argument-file}, {@code help}) gets every subcommand, so usage, suggestions and errors are unchanged,
 * except a request for the version alone ({@code --version} or {@code -V}, with {@code --debug} at most), which
 * prints the same line with none registered.
 */
final class Subcommands {
    private Subcommands() {
    }

    /** Registers every class of {@code subcommands}, in order. */
    static void addAll(CommandLine root, List<Class<?>> subcommands) {
        subcommands.forEach(root::addSubcommand);
    }

    /** Registers only the subcommand {@code args} name, or every one when they name none. */
    static void addFor(CommandLine root, List<Class<?>> subcommands, String... args) {
        if (versionOnly(args)) {
            return;
        }
        Optional<Class<?>> named = named(subcommands, args);
        if (named.isPresent()) {
            root.addSubcommand(named.get());
        } else {
            addAll(root, subcommands);
        }
    }

    /** The subcommand {@code args} name, if they name one that is not {@code help}. */
    static Optional<Class<?>> named(List<Class<?>> subcommands, String... args) {
        String word = firstWord(args);
        if (word == null) {
            return Optional.empty();
        }
        for (Class<?> c : subcommands) {
            Command command = c.getAnnotation(Command.class);
            if (command == null || c == CommandLine.HelpCommand.class) {
                continue;
            }
            if (command.name().equals(word) || List.of(command.aliases()).contains(word)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code args} ask for the version and nothing else (no subcommand, no other option). */
    static boolean versionOnly(String... args) {
        List<String> list = List.of(args);
        return list.stream().anyMatch(VERSION::contains) && VERSION_ONLY.containsAll(list);
    }

    private static final List<String> VERSION = List.of("--version", "-V");
    private static final List<String> VERSION_ONLY = List.of("--version", "-V", "--debug");

    /** The first argument that is not an option, or null when there is none or an argument file comes first. */
    private static String firstWord(String... args) {
        for (String a : args) {
            if (a.startsWith("@")) {
                return null;
            }
            if (!a.startsWith("-")) {
                return a;
            }
            if ("--".equals(a)) {
                return null;
            }
        }
        return null;
    }
}
