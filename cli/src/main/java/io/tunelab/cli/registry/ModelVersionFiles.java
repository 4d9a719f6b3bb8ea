package io.tunelab.cli.registry;

import io.tunelab.cli.error.CliException;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.registry.ModelVersion;
import io.tunelab.tracker.setup.Tracker;
import java.nio.file.Path;

/**
 * The local file of a model version, for {@code serve} and {@code promote}. Its URI comes from the
 * database, so it is resolved as every artifact read is ({@code ArtifactRepository.resolve}: a local
 * file URI whose real path, links followed, lies under the artifact root); anything else is refused
 * with a CliException naming the URI.
 */
final class ModelVersionFiles {
    private ModelVersionFiles() {
    }

    static Path of(Tracker tracker, ModelVersion version) {
        ArtifactRef ref = version.source().artifact();
        String what = version.model() + " v" + version.version();
        if (ref == null) {
            throw new CliException(what + " has no model file");
        }
        return of(tracker, ref, what);
    }

    /** The local file of {@code ref}, resolved as a version's is; {@code what} names it in the error. */
    static Path of(Tracker tracker, ArtifactRef ref, String what) {
        try {
            return tracker.artifacts().resolve(ref);
        } catch (TrackerException e) {
            throw new CliException("refusing to open the model file of " + what + " at URI '" + ref.uri() + "': "
                    + e.getMessage() + "; only files under the tracker's artifact root are opened");
        }
    }
}
