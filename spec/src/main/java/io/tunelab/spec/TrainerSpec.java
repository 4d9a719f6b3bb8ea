package io.tunelab.spec;

import java.util.Map;

/**
 * The trainer that turns a trial into a model.
 *
 * @param name    one of {@link SpecCatalog#trainers()}, e.g. {@code djl-mlp}
 * @param options free-form options for the trainer (plain Java values, file order), checked by the trainer
 */
public record TrainerSpec(String name, Map<String, Object> options) {
    public TrainerSpec {
        options = Options.copy(options);
    }
}
