package io.tunelab.cli.registry;

import io.tunelab.cli.error.CliException;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.artifact.LocalArtifactRepository;
import io.tunelab.tracker.registry.ModelVersion;
import io.tunelab.tracker.setup.Tracker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The local file of a model version, for {@code serve}, {@code predict}, {@code download} and {@code promote}. Its URI
 * comes from the database, so it is resolved as every artifact read is ({@code ArtifactRepository.resolve}: a local
 * file URI whose real path, links followed, lies under the artifact root); anything else is refused with a
 * CliException naming the URI. A file that is gone, or whose content no longer has the SHA-256 stored when it was
 * logged, is refused before any loader reads it, naming the file and both digests.
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
        Path file;
        try {
            file = tracker.artifacts().resolve(ref);
        } catch (TrackerException e) {
            throw new CliException("refusing to open the model file of " + what + " at URI '" + ref.uri() + "': "
                    + e.getMessage() + "; only files under the tracker's artifact root are opened" + rootHint(ref));
        }
        verify(file, ref, what);
        return file;
    }

    /**
     * How to open a file a process with another artifact root logged (a tracker server's, a worker's): name that root in
     * {@code TUNELAB_ARTIFACTS}.
     */
    private static String rootHint(ArtifactRef ref) {
        try {
            return LocalArtifactRepository.loggedRoot(Path.of(ref.uri()))
                    .map(root -> ". It was logged under the artifact root " + root + ": run this command with"
                            + " TUNELAB_ARTIFACTS=" + root + " (a path on this machine to that directory)")
                    .orElse("");
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return "";
        }
    }

    /** @throws CliException when {@code file} is missing or its SHA-256 is not the one stored with {@code ref} */
    static void verify(Path file, ArtifactRef ref, String what) {
        if (!Files.isRegularFile(file)) {
            throw new CliException("the file '" + ref.name() + "' of " + what + " is gone: no such file " + file);
        }
        String actual;
        try {
            actual = ArtifactRef.sha256Of(file);
        } catch (IOException e) {
            throw new CliException("cannot read the file '" + ref.name() + "' of " + what + " at " + file + ": " + e);
        }
        if (!ref.sha256().isEmpty() && !actual.equals(ref.sha256())) {
            throw new CliException("the file '" + ref.name() + "' of " + what + " at " + file + " has changed since it"
                    + " was logged: checksum mismatch: expected sha256 " + ref.sha256() + ", got " + actual);
        }
    }
}
