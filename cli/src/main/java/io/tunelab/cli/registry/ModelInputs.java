package io.tunelab.cli.registry;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.tracker.registry.ModelVersion;
import io.tunelab.trainers.predict.InputSchema;
import io.tunelab.trainers.predict.Predictor;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Before a promotion writes anything: the challenger's model file must load, and take the same inputs as the version the
 * alias points at (or, for an alias new to the model, as the model's latest version), so that a server of the alias,
 * which swaps versions without a restart, never changes what its clients must send, and a model's versions stay one
 * lineage (a regressor of other columns promoted under a classifier's name is refused).
 */
final class ModelInputs {
    /** The version an alias points at, the trainer that made it and its model, loaded once for every check. */
    record Holder(ModelVersion version, TrainerFactory trainer, Predictor model) {
    }

    private ModelInputs() {
    }

    /**
     * Loads a model file for the checks and the gate, once.
     *
     * @param what the file, as the message names it
     * @throws CliException naming the file when it does not load
     */
    static Predictor load(TrainerFactory trainer, Path file, String what) {
        try {
            return trainer.load(file);
        } catch (RuntimeException e) {
            throw new CliException("cannot load " + what + ": " + e.getMessage() + "; nothing was registered");
        }
    }

    /**
     * @param challenger the trial's model, loaded
     * @throws CliException naming both versions' inputs when they differ
     */
    static void check(Predictor challenger, Optional<Holder> holder, Promotion.Request r) {
        if (holder.isEmpty()) {
            return;
        }
        Holder h = holder.get();
        InputSchema ours = challenger.schema();
        InputSchema current = h.model().schema();
        if (!ours.shape().equals(current.shape()) || !ours.featureNames().equals(current.featureNames())
                || ours.image() != current.image()) {
            boolean holds = h.version().aliases().contains(r.alias());
            throw new CliException("the trial's model takes " + describe(ours) + ", but " + (holds ? r.model() + "@"
                    + r.alias() + " (v" + h.version().version() + ")" : r.model() + " v" + h.version().version()
                    + ", its latest version,") + " takes " + describe(current) + (holds ? "; a server of the alias would"
                    + " change what its clients send" : "; a model's versions take the same inputs")
                    + ". Register it under another --model name; nothing was registered");
        }
    }

    private static String describe(InputSchema s) {
        return s.isNamed() ? "the columns " + s.columns().stream().map(InputSchema.Column::name).toList()
                : (s.image() ? "images of shape " : "arrays of shape ") + s.shape();
    }
}
