package io.tunelab.trainers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Clean-up of the temporary directories trainers write models into before storing them. Stateless. */
public final class TempDirs {
    private TempDirs() {
    }

    /**
     * Deletes {@code dir} and everything in it; does nothing for null. Failures are ignored: leaving a
     * temporary file behind must not fail a trial that trained and stored its model.
     */
    public static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // Ignored on purpose: see the method's contract.
        }
    }
}
