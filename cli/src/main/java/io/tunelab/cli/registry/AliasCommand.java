package io.tunelab.cli.registry;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.tracker.provenance.RuntimeInfo;
import io.tunelab.tracker.registry.AliasMove;
import io.tunelab.tracker.registry.Change;
import io.tunelab.tracker.registry.ModelVersion;
import io.tunelab.tracker.registry.RegistryNames;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tunelab alias MODEL@ALIAS VERSION}: points an alias at a version already registered (a rollback, as MLflow's
 * {@code set_registered_model_alias}), or removes it with {@code --delete}; either move goes into the audit trail, and
 * a running {@code tunelab serve} of the alias follows it. No gate applies: the version was judged when it was promoted.
 */
@Command(name = "alias", mixinStandardHelpOptions = true,
        description = {"Point an alias at a registered version (e.g. roll back), or remove it.",
                "The move is recorded in the audit trail (tunelab models MODEL --history); tunelab serve follows it."})
public final class AliasCommand extends RegistryCommand {

    @Parameters(index = "0", paramLabel = "MODEL@ALIAS", description = "e.g. fashion-mlp@production")
    String target;

    @Parameters(index = "1", arity = "0..1", paramLabel = "VERSION", description = "The version to point at: 3 or v3.")
    String version;

    @Option(names = "--delete", description = "Remove the alias instead.")
    boolean delete;

    @Option(names = "--reason", description = "Why, for the audit trail.")
    String reason;

    AliasCommand(Wiring wiring) {
        super(wiring);
    }

    @Override
    public Integer call() {
        ModelAlias parsed = ModelAlias.parse(target);
        String model = parsed.model();
        String alias = RegistryNames.alias(parsed.alias());
        if (delete == (version != null)) {
            throw new CliException(delete ? "--delete removes the alias: give no VERSION with it"
                    : "give the VERSION to point " + target + " at, or --delete to remove it");
        }
        return withRegistry((registry, out) -> {
            registry.model(model);
            NewAlias.check(registry, model, alias);
            Optional<ModelVersion> before = registry.resolve(model, alias);
            String actor = System.getProperty("user.name", "unknown");
            if (delete) {
                if (before.isEmpty()) {
                    throw new CliException("model '" + model + "' has no alias '" + alias + "'; `tunelab models " + model
                            + "` lists its aliases");
                }
                registry.removeAlias(model, alias, new Change(actor, RuntimeInfo.hostName(),
                        reason != null ? reason : "removed by hand", Map.of()));
                out.println("Removed alias '" + alias + "' of " + model + " (it pointed at v" + before.get().version() + ").");
            } else {
                if (before.isEmpty()) {
                    RegistryNames.newAlias(alias);
                }
                int number = versionNumber(version);
                if (registry.version(model, number).archived()) {
                    throw new CliException("v" + number + " of model '" + model + "' is archived, and no alias may point at"
                            + " an archived version; `tunelab archive " + model + " v" + number + " --unarchive` brings it back");
                }
                AliasMove move = registry.setAlias(model, alias, number, new Change(actor, RuntimeInfo.hostName(),
                        reason != null ? reason : "pointed by hand", Map.of()));
                out.println(before.isPresent() && before.get().version() == number
                        ? "Alias '" + alias + "' of " + model + " already points at v" + number + "; nothing changed."
                        : "Alias '" + alias + "' of " + model + " now points at v" + move.toVersion()
                        + before.map(v -> " (was v" + v.version() + ")").orElse("") + ".");
            }
        });
    }

    /** A VERSION argument, {@code 3} or {@code v3}; a {@link CliException} naming it otherwise. */
    static int versionNumber(String text) {
        String digits = text.startsWith("v") ? text.substring(1) : text;
        try {
            int n = Integer.parseInt(digits);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new CliException("VERSION must be a version number such as 3 or v3, got '" + text + "'");
    }
}
