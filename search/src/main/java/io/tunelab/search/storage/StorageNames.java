package io.tunelab.search.storage;

/** Rules for names that storages keep: study names and artifact names. */
public final class StorageNames {
    private static final int MAX_STUDY_NAME = 200;

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
}
