package io.tunelab.cli.registry;

import io.tunelab.cli.error.CliException;
import io.tunelab.tracker.registry.ModelRegistry;
import io.tunelab.tracker.registry.ModelVersion;

/**
 * Aliases are case-sensitive, so {@code PRODUCTION} beside {@code production} would be a second alias, and a
 * promotion to it would skip the gate as the alias's first version. An alias a model does not have yet is refused
 * when it differs from one it has only by case.
 */
final class NewAlias {
    private NewAlias() {
    }

    /** @throws CliException naming both spellings when {@code alias} is new to {@code model} but for its case */
    static void check(ModelRegistry registry, String model, String alias) {
        if (registry.findModel(model).isEmpty() || registry.resolve(model, alias).isPresent()) {
            return;
        }
        for (ModelVersion v : registry.versions(model)) {
            for (String existing : v.aliases()) {
                if (existing.equalsIgnoreCase(alias)) {
                    throw new CliException("model '" + model + "' has an alias '" + existing + "' (at v" + v.version()
                            + "), not '" + alias + "'; aliases are case-sensitive: use '" + existing + "'");
                }
            }
        }
    }
}
