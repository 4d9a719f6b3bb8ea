package io.tunelab.cli.registry;

import io.tunelab.cli.wiring.Wiring;
import io.tunelab.tracker.registry.ModelVersion;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code tunelab describe MODEL VERSION [DESCRIPTION]}: shows a registered version's description, or sets it (as
 * MLflow's {@code update_model_version(description=...)}); an empty DESCRIPTION clears it. {@code tunelab models MODEL}
 * lists every version's.
 */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = {"Show a model version's description, or set it (\"\" clears it).",
                "tunelab models MODEL lists the descriptions of every version."})
public final class DescribeCommand extends RegistryCommand {

    @Parameters(index = "0", paramLabel = "MODEL", description = "The registered model, e.g. fashion-mlp.")
    String model;

    @Parameters(index = "1", paramLabel = "VERSION", description = "The version: 3 or v3.")
    String version;

    @Parameters(index = "2", arity = "0..1", paramLabel = "DESCRIPTION", description = "The new description.")
    String description;

    DescribeCommand(Wiring wiring) {
        super(wiring);
    }

    @Override
    public Integer call() {
        int number = AliasCommand.versionNumber(version);
        return withRegistry((registry, out) -> {
            registry.model(model);
            ModelVersion before = registry.version(model, number);
            if (description == null) {
                out.println(before.description() == null || before.description().isEmpty()
                        ? model + " v" + number + " has no description." : before.description());
            } else {
                String text = description.isEmpty() ? null : description;
                if (Objects.equals(text, before.description())) {
                    out.println("The description of " + model + " v" + number + " is already that; nothing changed.");
                } else {
                    registry.describeVersion(model, number, text);
                    out.println(text == null ? "Cleared the description of " + model + " v" + number + "."
                            : "Set the description of " + model + " v" + number + ".");
                }
            }
        });
    }
}
