package io.tunelab.cli.registry;

import io.tunelab.cli.error.CliException;
import io.tunelab.tracker.registry.ModelRegistry;

/**
 * What {@code serve} and {@code predict} answer with: {@code MODEL@ALIAS}, followed as the alias moves, or a pinned
 * version {@code MODEL@3} or {@code MODEL@v3} (a version's name in {@code alias}, {@code describe} and
 * {@code archive}), which never moves. Aliases start with a letter, so {@code @3} is always a version; {@code @v3} is
 * the alias {@code v3} only when the model has one by that name, as it meant before versions could be named here.
 *
 * @param model   the registered model
 * @param alias   the alias followed, or null for a pinned version
 * @param version the pinned version, or 0 when an alias is followed
 */
record ServeTarget(String model, String alias, int version) {

    boolean pinned() {
        return alias == null;
    }

    /**
     * @throws CliException naming the argument when it has no model or nothing after the {@code @}, and the version
     *                      when the model has no such version
     */
    static ServeTarget parse(String target, ModelRegistry registry) {
        int at = target.lastIndexOf('@');
        if (at <= 0 || at == target.length() - 1) {
            throw new CliException("expected MODEL@ALIAS or MODEL@VERSION such as fashion-mlp@production or"
                    + " fashion-mlp@3, got '" + target + "'");
        }
        String model = target.substring(0, at);
        String after = target.substring(at + 1);
        boolean number = after.matches("v?[0-9]+");
        if (!number || after.startsWith("v") && registry.resolve(model, after).isPresent()) {
            return new ServeTarget(model, after, 0);
        }
        int version = AliasCommand.versionNumber(after);
        registry.model(model);
        registry.version(model, version);
        return new ServeTarget(model, null, version);
    }

    @Override
    public String toString() {
        return pinned() ? model + " v" + version : model + "@" + alias;
    }
}
