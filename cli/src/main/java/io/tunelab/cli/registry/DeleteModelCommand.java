package io.tunelab.cli.registry;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.tracker.provenance.RuntimeInfo;
import io.tunelab.tracker.registry.AliasMove;
import io.tunelab.tracker.registry.Change;
import io.tunelab.tracker.registry.ModelVersion;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tunelab delete-model MODEL [VERSION]} (MLflow's {@code delete_model_version} and {@code delete_registered_model}):
 * deletes one version, or with no VERSION the whole model with its versions and aliases. A version an alias points at
 * is refused naming the aliases, unless {@code --force}, which removes them. Every alias removed, version deleted and
 * model deleted is recorded in the audit trail, which outlives the model ({@code tunelab models MODEL --history}).
 * Deleting the last version deletes the model too. The source trials and their artifacts stay, so
 * their study can be deleted once no version was made from it. Asks on a terminal; a script passes {@code --yes}.
 */
@Command(name = "delete-model", mixinStandardHelpOptions = true,
        description = {"Delete a model version, or a whole registered model (no VERSION). Cannot be undone.",
                "A version an alias points at is refused unless --force (which removes the alias). The source trials"
                        + " and their artifacts stay. Asks on a terminal; without one, --yes is required."})
public final class DeleteModelCommand extends RegistryCommand {

    @Parameters(index = "0", paramLabel = "MODEL", description = "The registered model, e.g. fashion-mlp.")
    String model;

    @Parameters(index = "1", arity = "0..1", paramLabel = "VERSION", description = "The version: 3 or v3 (default: all).")
    String version;

    @Option(names = "--force", description = "Delete even a version an alias points at, removing the alias.")
    boolean force;

    @Option(names = {"-y", "--yes"}, description = "Delete without asking (needed when not on a terminal).")
    boolean yes;

    @Option(names = "--reason", description = "Why, for the audit trail of the deletion.")
    String reason;

    DeleteModelCommand(Wiring wiring) {
        super(wiring);
    }

    @Override
    public Integer call() {
        Integer number = version == null ? null : AliasCommand.versionNumber(version);
        return withRegistry((registry, out) -> {
            registry.model(model);
            List<ModelVersion> doomed = number == null ? registry.versions(model) : List.of(registry.version(model, number));
            List<String> aliases = doomed.stream().flatMap(v -> v.aliases().stream().map(a -> a + " (v" + v.version() + ")"))
                    .sorted().toList();
            String what = number == null ? "model '" + model + "' with its " + doomed.size() + " version"
                    + (doomed.size() == 1 ? "" : "s") : model + " v" + number;
            if (!aliases.isEmpty() && !force) {
                throw new CliException("not deleting " + what + ": alias" + (aliases.size() == 1 ? " " : "es ")
                        + String.join(", ", aliases) + " point" + (aliases.size() == 1 ? "s" : "") + " at it; move "
                        + (aliases.size() == 1 ? "it" : "them") + " (tunelab alias " + model + "@ALIAS VERSION), or pass"
                        + " --force to remove " + (aliases.size() == 1 ? "it" : "them") + " with it");
            }
            boolean last = number != null && registry.versions(model).size() == 1;
            if (!yes && !TerminalConfirmation.confirmed(out, "Delete " + what + (last ? " (its last version: the model"
                    + " goes too)" : "") + "?", "not deleting " + what + " without confirmation: there is no terminal to"
                    + " ask on; pass --yes to delete it")) {
                out.println("Nothing deleted.");
                return;
            }
            Change change = new Change(System.getProperty("user.name", "unknown"), RuntimeInfo.hostName(),
                    reason != null ? reason : number == null ? "model deleted" : "v" + number + " deleted", Map.of());
            if (number == null || last) {
                registry.deleteModel(model, change);
                out.println("Deleted model '" + model + "' (" + (number == null ? doomed.size() + " version"
                        + (doomed.size() == 1 ? "" : "s") : "v" + number + ", its last version") + ", and its aliases);"
                        + " the source trials and their artifacts stay, and the audit trail: tunelab models " + model
                        + " --history.");
            } else {
                List<String> removed = registry.deleteVersion(model, number, change).stream()
                        .filter(m -> !m.versionDeleted()).map(AliasMove::alias).toList();
                out.println("Deleted " + what + (removed.isEmpty() ? "" : " and its alias" + (removed.size() == 1 ? " " : "es ")
                        + String.join(", ", removed)) + "; its source trial and artifact stay.");
            }
        });
    }
}
