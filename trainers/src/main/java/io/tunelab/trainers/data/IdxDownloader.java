package io.tunelab.trainers.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Downloads the missing files of an IDX dataset into a directory. Each file is written beside its final
 * name as {@code .part}, verified (it must parse as IDX and, when the spec has a checksum, its
 * uncompressed content must have that SHA-256) and only then moved into place, so an interrupted or
 * corrupt download never looks like a dataset. Thread-safe as long as two callers do not target the
 * same directory at once.
 */
final class IdxDownloader {
    private final Fetcher fetcher;

    IdxDownloader(Fetcher fetcher) {
        this.fetcher = fetcher;
    }

    /**
     * Downloads every file of {@code spec} missing from {@code dir} from {@code source}.
     *
     * @throws IOException when a file cannot be fetched, written, or does not verify; the message says
     *                     which file and why
     */
    void downloadMissing(IdxDatasetSpec spec, URI source, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (IdxFile file : spec.files()) {
            if (IdxLayout.find(dir, file) == null) {
                download(file, source.resolve(file.name()), dir);
            }
        }
    }

    private void download(IdxFile file, URI uri, Path dir) throws IOException {
        Path part = dir.resolve(file.name() + ".part");
        try {
            try (InputStream in = fetcher.open(uri)) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            String actual;
            try {
                actual = IdxReader.read(part).contentSha256();
            } catch (IdxFormatException e) {
                throw new IOException("the file downloaded from " + uri + " is not a valid IDX file (" + e.getMessage() + ")");
            }
            if (file.contentSha256() != null && !file.contentSha256().equals(actual)) {
                throw new IOException("the file downloaded from " + uri + " has content SHA-256 " + actual
                        + ", expected " + file.contentSha256() + "; it was discarded");
            }
            Files.move(part, dir.resolve(file.name()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
