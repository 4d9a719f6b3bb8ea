package io.tunelab.cli.registry;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.tracker.registry.ModelVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tunelab archive MODEL VERSION}: archives a registered version (MLflow's Archived stage), so that no alias may
 * point at it until {@code --unarchive} brings it back; a version an alias points at is refused, naming the aliases.
 * The version and its files stay; {@code tunelab models MODEL} shows which versions are archived.
 */
@Command(name = "archive", mixinStandardHelpOptions = true,
        description = {"Archive a model version (no alias may point at it), or bring it back with --unarchive.",
                "tunelab models MODEL shows which versions are archived."})
public final class ArchiveCommand extends RegistryCommand {

    @Parameters(index = "0", paramLabel = "MODEL", description = "The registered model, e.g. fashion-mlp.")
    String model;

    @Parameters(index = "1", paramLabel = "VERSION", description = "The version: 3 or v3.")
    String version;

    @Option(names = "--unarchive", description = "Bring the archived version back, so aliases may point at it again.")
    boolean unarchive;

    ArchiveCommand(Wiring wiring) {
        super(wiring);
    }

    @Override
    public Integer call() {
        int number = AliasCommand.versionNumber(version);
        return withRegistry((registry, out) -> {
            registry.model(model);
            ModelVersion before = registry.version(model, number);
            String name = model + " v" + number;
            if (before.archived() != unarchive) {
                out.println(name + (unarchive ? " is not archived" : " is already archived") + "; nothing changed.");
            } else if (unarchive) {
                registry.unarchive(model, number);
                out.println("Unarchived " + name + "; aliases may point at it again.");
            } else {
                if (!before.aliases().isEmpty()) {
                    throw new CliException(name + " is the version of alias" + (before.aliases().size() == 1 ? " " : "es ")
                            + String.join(", ", before.aliases().stream().sorted().toList()) + "; point "
                            + (before.aliases().size() == 1 ? "it" : "them") + " elsewhere (tunelab alias " + model + "@ALIAS"
                            + " VERSION) or remove " + (before.aliases().size() == 1 ? "it" : "them") + " (--delete) first");
                }
                registry.archive(model, number);
                out.println("Archived " + name + "; no alias may point at it until `tunelab archive " + model + " v" + number
                        + " --unarchive`.");
            }
        });
    }
}
