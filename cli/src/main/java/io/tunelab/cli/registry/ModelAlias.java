package io.tunelab.cli.registry;

import io.tunelab.cli.error.CliException;

/**
 * A {@code MODEL@ALIAS} argument, as {@code serve} and {@code alias} take it: the model's name (which may hold an
 * {@code @} itself) and the alias after the last {@code @}.
 */
record ModelAlias(String model, String alias) {

    /** @throws CliException naming the argument when it has no model or no alias */
    static ModelAlias parse(String target) {
        int at = target.lastIndexOf('@');
        if (at <= 0 || at == target.length() - 1) {
            throw new CliException("expected MODEL@ALIAS such as fashion-mlp@production, got '" + target + "'");
        }
        return new ModelAlias(target.substring(0, at), target.substring(at + 1));
    }
}
