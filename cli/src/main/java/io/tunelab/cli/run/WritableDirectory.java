package io.tunelab.cli.run;

import io.tunelab.cli.error.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Checks, before any trial runs, that a study file's output directory can be written: every part of it that exists is
 * a directory, and a directory can be created in the deepest part that exists (tried with a hidden directory, deleted
 * at once, so that a read-only file system, {@code /proc} or missing permissions show up as they would when a trial
 * writes, whoever runs it). Nothing else is created: a dry run leaves the file system as it found it.
 */
final class WritableDirectory {
    private WritableDirectory() {
    }

    /**
     * @param field    the study file's field, as messages name it ({@code fit.tensorboard_dir})
     * @param value    the directory the file names
     * @param within   the part below it that trials write in (the study's folder), or empty
     * @param expected what the field is for, as messages say it
     * @throws CliException naming the field, the value and why it cannot be written
     */
    static void check(String field, String value, String within, String expected) {
        Path dir;
        try {
            dir = Path.of(value).resolve(within).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw refused(field, value, "not a path (" + e.getReason() + ")", expected);
        }
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        if (!Files.isDirectory(existing)) {
            throw refused(field, value, existing + " is a file, not a directory", expected);
        }
        try {
            Files.delete(Files.createTempDirectory(existing, ".tunelab-write-check-"));
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            throw refused(field, value, "cannot create a directory in " + existing + " (" + reason(e) + ")", expected);
        }
    }

    private static CliException refused(String field, String value, String why, String expected) {
        return new CliException(field + ": '" + value + "': " + why + "; expected " + expected);
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
