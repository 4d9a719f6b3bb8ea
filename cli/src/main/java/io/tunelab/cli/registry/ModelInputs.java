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
    /** The version an alias points at, the trainer that made it and its model file. */
    record Holder(ModelVersion version, TrainerFactory trainer, Path file) {
    }

    private ModelInputs() {
    }

    /**
     * @throws CliException naming the file that does not load, or both versions' inputs when they differ
     */
    static void check(TrainerFactory trainer, Path file, Optional<Holder> holder, Promotion.Request r) {
        InputSchema challenger = inputs(trainer, file, "the model file of the trial to promote (" + file.getFileName() + ")");
        if (holder.isEmpty()) {
            return;
        }
        Holder h = holder.get();
        InputSchema current = inputs(h.trainer(), h.file(), r.model() + " v" + h.version().version() + "'s model file");
        if (!challenger.shape().equals(current.shape()) || !challenger.featureNames().equals(current.featureNames())
                || challenger.image() != current.image()) {
            boolean holds = h.version().aliases().contains(r.alias());
            throw new CliException("the trial's model takes " + describe(challenger) + ", but " + (holds ? r.model() + "@"
                    + r.alias() + " (v" + h.version().version() + ")" : r.model() + " v" + h.version().version()
                    + ", its latest version,") + " takes " + describe(current) + (holds ? "; a server of the alias would"
                    + " change what its clients send" : "; a model's versions take the same inputs")
                    + ". Register it under another --model name; nothing was registered");
        }
    }

    private static InputSchema inputs(TrainerFactory trainer, Path file, String what) {
        try (Predictor p = trainer.load(file)) {
            return p.schema();
        } catch (RuntimeException e) {
            throw new CliException("cannot load " + what + ": " + e.getMessage() + "; nothing was registered");
        }
    }

    private static String describe(InputSchema s) {
        return s.isNamed() ? "the columns " + s.columns().stream().map(InputSchema.Column::name).toList()
                : (s.image() ? "images of shape " : "arrays of shape ") + s.shape();
    }
}
