package io.tunelab.cli.registry;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.output.Format;
import io.tunelab.cli.output.FormatConverter;
import io.tunelab.cli.output.TextTable;
import io.tunelab.cli.query.StorageUrlOption;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.tracker.registry.AliasMove;
import io.tunelab.tracker.registry.ModelRegistry;
import io.tunelab.tracker.registry.ModelVersion;
import io.tunelab.tracker.registry.RegisteredModel;
import io.tunelab.tracker.setup.Tracker;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code tunelab models}: registered models with their versions and aliases; {@code tunelab models NAME} lists its
 * versions with their aliases, whether each is archived and its description ({@code tunelab archive},
 * {@code tunelab describe}); {@code --history} shows the audit trail of alias moves and deletions, also of a deleted model.
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List registered models and their versions, or the alias history of one model.")
public final class ModelsCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL", description = "Show this model's versions.")
    String model;

    @Option(names = "--history", description = "Show the audit trail of alias moves and deletions of MODEL (also once deleted).")
    boolean history;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json (default: ${DEFAULT-VALUE}).", converter = FormatConverter.class)
    Format format;

    @Mixin
    StorageUrlOption storage;

    @Spec
    CommandSpec spec;

    private final Wiring wiring;

    ModelsCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        if (history && model == null) {
            throw new CliException("--history shows the alias moves of one model: name it, as in `tunelab models MODEL"
                    + " --history`");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Tracker tracker = wiring.openExistingTracker(storage.access())) {
            ModelRegistry registry = tracker.registry();
            List<List<Object>> rows = new ArrayList<>();
            if (model == null) {
                for (RegisteredModel m : registry.models()) {
                    List<ModelVersion> versions = registry.versions(m.name());
                    Map<String, Object> aliases = new TreeMap<>();
                    versions.forEach(v -> v.aliases().forEach(a -> aliases.put(a, v.version())));
                    String shown = String.join(" ", aliases.entrySet().stream().map(e -> e.getKey() + "=v" + e.getValue())
                            .sorted().toList());
                    rows.add(Arrays.<Object>asList(m.name(), versions.size(), new TextTable.Cell(shown, aliases),
                            m.description()));
                }
                out.print(new TextTable(List.of("model", "versions", "aliases", "description"), rows).render(format));
            } else if (history) {
                for (AliasMove move : registry.aliasHistory(model)) {
                    rows.add(Arrays.<Object>asList(move.when().toString(), new TextTable.Cell(move.subject(), move.alias()),
                            version(move.fromVersion()), move.refused() ? new TextTable.Cell("refused", move.toVersion())
                                    : version(move.toVersion()), move.actor() + "@" + move.host(), move.reason(),
                            new TextTable.Cell(move.evidence().isEmpty() ? "" : move.evidence().toString(), move.evidence())));
                }
                out.print(new TextTable(List.of("when", "alias", "from", "to", "by", "reason", "evidence"), rows)
                        .render(format));
            } else {
                for (ModelVersion v : registry.versions(model)) {
                    List<String> aliases = v.aliases().stream().sorted().toList();
                    rows.add(Arrays.<Object>asList(version(v.version()), new TextTable.Cell(String.join(",", aliases), aliases),
                            v.source().study(), v.source().trialNumber(), v.values().isEmpty() ? null : v.values().get(0),
                            v.archived(), v.created().toString(), v.description()));
                }
                out.print(new TextTable(List.of("version", "aliases", "study", "trial", "value", "archived", "created",
                        "description"), rows).render(format));
            }
        }
        out.flush();
        return 0;
    }

    /** A version as the table shows it ({@code v3}, {@code -} for none) and JSON writes it ({@code 3}, null). */
    private static TextTable.Cell version(Integer version) {
        return new TextTable.Cell(version == null ? "-" : "v" + version, version);
    }
}
