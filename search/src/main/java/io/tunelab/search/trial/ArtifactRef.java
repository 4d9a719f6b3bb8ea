package io.tunelab.search.trial;

import java.net.URI;
import java.util.Objects;

/**
 * A file attached to a trial: a checkpoint, a model, a plot.
 *
 * @param name   name within the trial (sanitised by the storage)
 * @param uri    where the storage keeps it
 * @param size   bytes
 * @param sha256 lower-case hex digest of the content
 */
public record ArtifactRef(String name, URI uri, long size, String sha256) {
    public ArtifactRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(sha256, "sha256");
    }
}
