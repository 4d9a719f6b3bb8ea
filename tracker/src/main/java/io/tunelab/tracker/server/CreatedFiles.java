package io.tunelab.tracker.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a directory held before a server started in it, so a start that fails half-way removes what it
 * created (a new database, password files, an artifact root) and nothing the user had. A directory
 * that did not exist before is removed entirely, with the parents created for it. Not thread-safe; one
 * start uses one instance.
 */
final class CreatedFiles {
    private final Path dir;
    private final boolean existed;
    private final Set<Path> before;

    private CreatedFiles(Path dir, boolean existed, Set<Path> before) {
        this.dir = dir;
        this.existed = existed;
        this.before = before;
    }

    /** Notes the entries of {@code dir} (an absolute path) now; for a new directory, its first missing ancestor. */
    static CreatedFiles snapshot(Path dir) {
        if (!Files.exists(dir)) {
            Path first = dir;
            while (first.getParent() != null && !Files.exists(first.getParent())) {
                first = first.getParent();
            }
            return new CreatedFiles(first, false, Set.of());
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return new CreatedFiles(dir, true, new HashSet<>(entries.toList()));
        } catch (IOException e) {
            return new CreatedFiles(dir, true, null);
        }
    }

    /**
     * Removes the entries created since the snapshot, and the directory itself if it is new; best effort
     * (a file that cannot be removed stays). Removes nothing when the earlier listing failed.
     */
    void removeCreated() {
        if (existed && before == null || !Files.isDirectory(dir)) {
            return;
        }
        try {
            if (!existed) {
                deleteTree(dir);
                return;
            }
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path entry : entries.filter(p -> !before.contains(p)).toList()) {
                    deleteTree(entry);
                }
            }
        } catch (IOException e) {
            // Best effort: what stays is no worse than before this cleanup.
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
