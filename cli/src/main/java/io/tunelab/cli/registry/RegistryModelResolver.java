package io.tunelab.cli.registry;

import io.tunelab.cli.error.CliException;
import io.tunelab.search.text.Suggestions;
import io.tunelab.cli.query.Studies;
import io.tunelab.serving.ModelRef;
import io.tunelab.serving.ModelResolver;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.tracker.registry.ModelVersion;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.trainers.predict.ModelFormat;
import io.tunelab.trainers.predict.Predictor;
import java.nio.file.Path;
import java.util.List;

/**
 * Serves the version a registry alias points at, or one pinned version ({@link ServeTarget}),
 * loading it with the trainer its source trial names ({@link TrialModel}: the study file's, or the flavor of the
 * {@code MLmodel} file a trainer logged with the model of a study made through the Java API),
 * from its file under the artifact root ({@link ModelVersionFiles}).
 */
public final class RegistryModelResolver implements ModelResolver {
    private final Tracker tracker;
    private final String model;
    private final String alias;
    private final int pinned;
    private final List<TrainerFactory> trainers;

    /** Follows {@code alias} of {@code model}. */
    public RegistryModelResolver(Tracker tracker, String model, String alias, List<TrainerFactory> trainers) {
        this(tracker, new ServeTarget(model, alias, 0), trainers);
    }

    RegistryModelResolver(Tracker tracker, ServeTarget target, List<TrainerFactory> trainers) {
        this.tracker = tracker;
        this.model = target.model();
        this.alias = target.alias();
        this.pinned = target.version();
        this.trainers = trainers;
    }

    @Override
    public String alias() {
        return alias;
    }

    @Override
    public ModelRef current() {
        if (alias == null) {
            return new ModelRef(model, pinned);
        }
        ModelVersion v = tracker.registry().resolve(model, alias).orElseThrow(this::noSuchAlias);
        return new ModelRef(model, v.version());
    }

    /** Names the model's aliases and the versions they point at, the closest first when it is a likely typo. */
    private CliException noSuchAlias() {
        List<ModelVersion> versions = tracker.registry().versions(model);
        List<String> aliases = versions.stream().flatMap(v -> v.aliases().stream()).sorted().toList();
        List<String> pointing = versions.stream().flatMap(v -> v.aliases().stream().map(a -> a + " (v" + v.version() + ")"))
                .sorted().toList();
        return new CliException("model '" + model + "' has no alias '" + alias + "'" + Suggestions.didYouMean(alias, aliases)
                + "; " + (aliases.isEmpty() ? "it has no aliases" : "its aliases are " + String.join(", ", pointing))
                + "; promote a version with `tunelab promote`");
    }

    /**
     * Loads the version's model file with the trainer its source trial names ({@link TrialModel}): its study file's, or
     * for a study made through the Java API the trainer of the flavor its {@code MLmodel} file names.
     *
     * @throws CliException naming the version when its file is missing or changed, when its trial says no trainer, or
     *                      when it points at another file than the one its {@code MLmodel} names as the model
     */
    @Override
    public Predictor load(ModelRef ref) {
        ModelVersion v = tracker.registry().version(ref.model(), ref.version());
        Path file = ModelVersionFiles.of(tracker, v);
        TrialModel source = TrialModel.of(tracker, Studies.named(tracker.storage(), v.source().study()), v.source().trialId(),
                "trial " + v.source().trialNumber() + " of study '" + v.source().study() + "' (the source of " + ref + ")",
                trainers, v.source().artifact().name());
        if (source.files().isEmpty() && !v.source().artifact().name().equals(source.artifact())) {
            throw new CliException(ref + " points at the file '" + v.source().artifact().name() + "', but its trial's "
                    + ModelFormat.ARTIFACT + " names '" + source.artifact() + "' as the model; register that one:"
                    + " createVersion(model, trialId, \"" + source.artifact() + "\", ...)");
        }
        return source.trainer().load(file);
    }
}
