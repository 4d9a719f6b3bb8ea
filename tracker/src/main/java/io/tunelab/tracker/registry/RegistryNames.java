package io.tunelab.tracker.registry;

import io.tunelab.tracker.TrackerException;

/**
 * Rules for model names, alias names and tag names, which every {@link ModelRegistry} applies; callers check a
 * name with them before a change of several steps, so that a bad name fails before anything is written.
 */
public final class RegistryNames {
    private RegistryNames() {
    }

    /**
     * {@code name}, if it is a valid model name.
     *
     * @throws TrackerException INVALID naming the value
     */
    public static String model(String name) {
        if (name == null || name.isBlank() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw TrackerException.invalid("model name must be 1 to 200 characters without control characters, got '"
                    + name + "'");
        }
        return name;
    }

    /**
     * {@code alias}, if it is a valid alias: it starts with a letter (so it is never mistaken for a version number).
     *
     * @throws TrackerException INVALID naming the value
     */
    public static String alias(String alias) {
        if (alias == null || !alias.matches("[A-Za-z][A-Za-z0-9._-]{0,99}")) {
            throw TrackerException.invalid("alias must start with a letter and hold up to 100 letters, digits, '.',"
                    + " '_' or '-', got '" + alias + "'");
        }
        return alias;
    }

    /**
     * {@code alias}, if it may be created: a valid {@link #alias} that reads as no version, so neither {@code v3} nor
     * {@code V3} nor {@code latest} in any case (as MLflow refuses them), which {@code MODEL@ALIAS} arguments and a
     * reader of the registry would take for a version. Aliases of that shape stored before this rule stay usable: only
     * creating one is refused.
     *
     * @throws TrackerException INVALID naming the value and why
     */
    public static String newAlias(String alias) {
        alias(alias);
        if (alias.matches("[vV]\\d+") || alias.equalsIgnoreCase("latest")) {
            throw TrackerException.invalid("alias '" + alias + "' reads as a version (" + (alias.equalsIgnoreCase("latest")
                    ? "the latest one" : "v" + alias.substring(1)) + "), so it cannot be a new alias; name what it"
                    + " stands for, e.g. production or champion");
        }
        return alias;
    }

    /**
     * {@code tag}, if it is a valid tag name.
     *
     * @throws TrackerException INVALID naming the value
     */
    public static String tag(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 200) {
            throw TrackerException.invalid("tag name must be 1 to 200 characters, got '" + tag + "'");
        }
        return tag;
    }
}
