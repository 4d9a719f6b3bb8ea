package io.tunelab.search.storage;

import io.tunelab.search.trial.ArtifactRef;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * The artifacts of {@link InMemoryStorage}'s trials: copies under an artifact root (the directory given, or a temporary
 * one made on first use), which outlives the storage. Files are copied and deleted outside the storage's lock, which
 * guards only the trials' lists of references.
 */
final class MemoryArtifacts {
    private final Object lock;
    private final LongFunction<MemoryTrial> trials;
    private Path root;

    /**
     * @param lock   the storage's lock
     * @param trials the trial of an id, NOT_FOUND otherwise (called holding the lock)
     * @param root   where copies go, or null for a temporary directory
     */
    MemoryArtifacts(Object lock, LongFunction<MemoryTrial> trials, Path root) {
        this.lock = lock;
        this.trials = trials;
        this.root = root;
    }

    ArtifactRef store(long trialId, String name, Path file) {
        String safe = StorageNames.checkArtifactName(name);
        if (!Files.isRegularFile(file)) {
            throw StorageException.invalid("artifact '" + name + "': " + file + " is not a readable file");
        }
        ArtifactRef ref;
        try {
            Path dir;
            synchronized (lock) {
                dir = root().resolve("trial-" + trials.apply(trialId).id);
            }
            Files.createDirectories(dir);
            Path copy = dir.resolve(safe);
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            ref = new ArtifactRef(safe, copy.toUri(), Files.size(copy), ArtifactRef.sha256Of(copy));
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.UNAVAILABLE,
                    "artifact '" + name + "': cannot copy " + file + ": " + e.getMessage(), e);
        }
        synchronized (lock) {
            trials.apply(trialId).artifacts.add(ref);
        }
        return ref;
    }

    void delete(long trialId, String name) {
        List<ArtifactRef> removed = new ArrayList<>();
        synchronized (lock) {
            List<ArtifactRef> artifacts = trials.apply(trialId).artifacts;
            artifacts.stream().filter(a -> a.name().equals(name)).forEach(removed::add);
            artifacts.removeAll(removed);
        }
        for (ArtifactRef ref : removed) {
            try {
                Files.deleteIfExists(Path.of(ref.uri()));
            } catch (IOException e) {
                throw new StorageException(StorageException.Kind.UNAVAILABLE,
                        "artifact '" + name + "': cannot delete " + ref.uri() + ": " + e.getMessage(), e);
            }
        }
    }

    private Path root() throws IOException {
        if (root == null) {
            root = Files.createTempDirectory("tunelab-artifacts-");
        }
        return root;
    }
}
