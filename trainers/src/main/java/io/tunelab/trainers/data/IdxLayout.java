package io.tunelab.trainers.data;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the files of an IDX dataset sit in a directory: under their published name, or uncompressed. */
final class IdxLayout {
    private IdxLayout() {
    }

    /** The copy of {@code file} in {@code dir} (gzipped name first), or null if there is none. */
    static Path find(Path dir, IdxFile file) {
        for (String name : new String[] {file.name(), file.plainName()}) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** True when {@code dir} holds every file of {@code spec}. */
    static boolean isComplete(Path dir, IdxDatasetSpec spec) {
        return Files.isDirectory(dir) && spec.files().stream().allMatch(f -> find(dir, f) != null);
    }
}
