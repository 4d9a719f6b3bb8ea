package io.tunelab.search.storage;

import java.util.List;
import java.util.Map;

/**
 * Rules for names and values that storages keep: study, parameter, metric, attribute and artifact names, and attribute
 * values. Every storage applies the same rules with the same words, so the in-memory storage accepts exactly what a
 * database storage does.
 */
public final class StorageNames {
    private static final int MAX_STUDY_NAME = 200;
    /** The longest parameter, metric or attribute name a storage keeps. */
    public static final int MAX_NAME = 200;
    /** How much of a long name or value an error message shows. */
    private static final int SHOWN = 40;

    private StorageNames() {
    }

    /** Rejects blank, over-long or control-character study names. */
    public static String checkStudyName(String name) {
        if (name == null || name.isBlank()) {
            throw StorageException.invalid("study name must not be blank, got '" + name + "'");
        }
        if (name.length() > MAX_STUDY_NAME) {
            throw StorageException.invalid("study name must be at most " + MAX_STUDY_NAME
                    + " characters, got " + name.length());
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw StorageException.invalid("study name must not contain control characters, got '"
                    + name.replaceAll("\\p{Cntrl}", "?") + "'");
        }
        return name;
    }

    /**
     * Checks an artifact name: one path segment of letters, digits, {@code . _ -}, not {@code .} or
     * {@code ..}, so it can never leave the trial's artifact directory.
     */
    public static String checkArtifactName(String name) {
        if (name == null || name.isEmpty() || name.length() > 255) {
            throw StorageException.invalid("artifact name must be 1 to 255 characters, got '" + name + "'");
        }
        if (!name.matches("[A-Za-z0-9._-]+") || name.equals(".") || name.equals("..")) {
            throw StorageException.invalid("artifact name must be a single file name of letters, digits, '.', '_'"
                    + " or '-' (no separators, no '..'), got '" + name + "'");
        }
        return name;
    }

    /** Checks a parameter name: 1 to {@value #MAX_NAME} characters, not blank. */
    public static String checkParameterName(String name) {
        return checkName("parameter", name);
    }

    /** Checks a metric (scalar series) name: 1 to {@value #MAX_NAME} characters, not blank. */
    public static String checkMetricName(String name) {
        return checkName("metric", name);
    }

    /** Checks a study or trial attribute name (user or system): 1 to {@value #MAX_NAME} characters, not blank. */
    public static String checkAttrName(String name) {
        return checkName("attribute", name);
    }

    private static String checkName(String kind, String name) {
        if (name == null) {
            throw StorageException.invalid(kind + " name must not be null");
        }
        if (name.isBlank() || name.length() > MAX_NAME) {
            throw StorageException.invalid(kind + " name must be 1 to " + MAX_NAME + " characters and not blank, got "
                    + shown(name));
        }
        return name;
    }

    /**
     * Checks that an attribute value can be stored as JSON ({@link AttrJson}): a string, number, boolean, null, or a list
     * or string-keyed map of those (what Jackson writes without extra modules).
     */
    public static void checkAttrValue(String name, Object value) {
        AttrJson.write("attribute '" + name + "'", value);
    }

    /**
     * Checks the attributes a WAITING trial is created with ({@link TrialStorage#createWaitingTrial(long, Map, Map, Map)}):
     * names and values as {@link #checkAttrName} and {@link #checkAttrValue} check them, and no system attribute
     * {@value TrialStorage#FIXED_PARAMS}, which holds the fixed parameters. INVALID otherwise.
     */
    public static void checkWaitingAttrs(Map<String, Object> systemAttrs, Map<String, Object> userAttrs) {
        if (systemAttrs.containsKey(TrialStorage.FIXED_PARAMS)) {
            throw StorageException.invalid("a waiting trial's system attribute '" + TrialStorage.FIXED_PARAMS
                    + "' holds its fixed parameters; pass them as the parameters, not as an attribute");
        }
        for (Map<String, Object> attrs : List.of(systemAttrs, userAttrs)) {
            attrs.forEach((name, value) -> {
                checkAttrName(name);
                checkAttrValue(name, value);
            });
        }
    }

    /** {@code text} quoted, cut to its first {@value #SHOWN} characters and its length when longer. */
    public static String shown(String text) {
        return text.length() <= SHOWN ? "'" + text + "'"
                : "'" + text.substring(0, SHOWN) + "…' (" + text.length() + " characters)";
    }
}
