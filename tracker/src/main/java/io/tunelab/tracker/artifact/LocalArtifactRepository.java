package io.tunelab.tracker.artifact;

import io.tunelab.search.storage.StorageNames;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.tracker.TrackerException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Artifacts as files under a local root directory (e.g. {@code .tunelab/artifacts}). A file is copied
 * to a temporary name beside its target while its SHA-256 is computed, then moved into place
 * atomically, so readers never see half a file. Every target is checked against the root after
 * symbolic links are resolved. Thread-safe.
 */
public final class LocalArtifactRepository implements ArtifactRepository {
    private final Path root;

    public LocalArtifactRepository(Path root) {
        try {
            Files.createDirectories(root);
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw TrackerException.unavailable("cannot create the artifact root " + root + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public ArtifactRef store(List<String> directory, String name, Path source) {
        StorageNames.checkArtifactName(name);
        directory.forEach(StorageNames::checkArtifactName);
        if (!Files.isRegularFile(source)) {
            throw TrackerException.invalid("artifact '" + name + "': " + source + " is not a readable file");
        }
        Path dir = root;
        for (String segment : directory) {
            dir = dir.resolve(segment);
        }
        try {
            Files.createDirectories(dir);
            Path target = inside(dir.toRealPath().resolve(name));
            Path temp = Files.createTempFile(dir, ".upload-", ".tmp");
            try {
                String sha;
                try (InputStream in = Files.newInputStream(source);
                     DigestOutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha256())) {
                    in.transferTo(out);
                    out.flush();
                    sha = HexFormat.of().formatHex(out.getMessageDigest().digest());
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return new ArtifactRef(name, target.toUri(), Files.size(target), sha);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw TrackerException.unavailable("artifact '" + name + "': cannot copy " + source + " into "
                    + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(ArtifactRef ref) {
        Path file = resolve(ref);
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw TrackerException.notFound("artifact '" + ref.name() + "' is missing: " + file);
        } catch (IOException e) {
            throw TrackerException.unavailable("artifact '" + ref.name() + "': cannot read " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The local file of {@code ref}. A file URI outside this root, written when the tracker directory lay elsewhere
     * (it was moved, copied or restored from a backup), is looked up at the same place under this root: its path from
     * the first {@code study-N} directory on, where {@link #store} puts every trial's artifacts.
     *
     * @throws TrackerException INVALID when the URI is not a local file, or names a file outside the root that is not
     *                          under this root either
     */
    @Override
    public Path resolve(ArtifactRef ref) {
        URI uri = ref.uri();
        Path file;
        try {
            file = Path.of(uri);
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            throw TrackerException.invalid("artifact URI must be a local file URI, got " + uri);
        }
        Path normal = file.toAbsolutePath().normalize();
        if (!normal.startsWith(root)) {
            Optional<Path> logged = loggedRoot(normal);
            if (logged.isPresent()) {
                Path moved = root.resolve(logged.get().relativize(normal));
                if (Files.exists(moved)) {
                    return inside(moved);
                }
            }
        }
        return inside(file);
    }

    /**
     * The artifact root a file of a trial was stored under: its path before the first {@code study-N} directory, where
     * {@link #store} puts every trial's artifacts; empty when the path has no such directory.
     */
    public static Optional<Path> loggedRoot(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        for (int i = 0; i < normal.getNameCount() - 1; i++) {
            if (normal.getName(i).toString().matches("study-[0-9]+")) {
                return Optional.of(i == 0 ? normal.getRoot() : normal.getRoot().resolve(normal.subpath(0, i)));
            }
        }
        return Optional.empty();
    }

    @Override
    public void delete(ArtifactRef ref) {
        try {
            Files.deleteIfExists(resolve(ref));
        } catch (IOException e) {
            throw TrackerException.unavailable("cannot delete the artifact " + ref.uri() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int deleteDirectory(List<String> directory) {
        if (directory.isEmpty()) {
            throw TrackerException.invalid("refusing to delete the artifact root " + root);
        }
        directory.forEach(StorageNames::checkArtifactName);
        Path dir = root;
        for (String segment : directory) {
            dir = dir.resolve(segment);
        }
        if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        Path checked = inside(dir);
        int[] files = new int[1];
        try (java.util.stream.Stream<Path> walk = Files.walk(checked)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    files[0]++;
                }
                Files.delete(p);
            }
        } catch (IOException e) {
            throw TrackerException.unavailable("cannot delete " + checked + ": " + e.getMessage(), e);
        }
        return files[0];
    }

    private Path inside(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        Path checked = normal;
        try {
            if (Files.exists(normal)) {
                checked = normal.toRealPath();
            }
        } catch (IOException e) {
            throw TrackerException.unavailable("cannot resolve " + normal + ": " + e.getMessage(), e);
        }
        if (!checked.startsWith(root)) {
            throw TrackerException.invalid("path " + file + " lies outside the artifact root " + root);
        }
        return normal;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
