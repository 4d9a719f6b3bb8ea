package io.tunelab.tracker.artifact;

import io.tunelab.search.trial.ArtifactRef;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Where artifact files live. Implementations are thread-safe, never write outside their root, and
 * throw a {@code TrackerException}: INVALID for a name that is not one plain path segment or a URI
 * outside the root, NOT_FOUND for a missing file, UNAVAILABLE for I/O failures.
 */
public interface ArtifactRepository {

    /**
     * Copies {@code source} to {@code directory/name} (each directory segment and the name checked with
     * {@code StorageNames.checkArtifactName}), replacing an earlier file of that name.
     *
     * @return the stored file's URI, size and SHA-256
     */
    ArtifactRef store(List<String> directory, String name, Path source);

    /** Opens a stored artifact for reading; the caller closes the stream. */
    InputStream open(ArtifactRef ref);

    /** The local file behind a stored artifact's URI, checked to lie inside the root. */
    Path resolve(ArtifactRef ref);

    /** Deletes a stored artifact's file (checked to lie inside the root); nothing when it is already gone. */
    void delete(ArtifactRef ref);

    /**
     * Deletes {@code directory} (each segment checked as in {@link #store}) with every file below it; nothing when it
     * does not exist.
     *
     * @return how many files were deleted
     */
    int deleteDirectory(List<String> directory);
}
