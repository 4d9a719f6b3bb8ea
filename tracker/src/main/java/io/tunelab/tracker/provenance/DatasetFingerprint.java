package io.tunelab.tracker.provenance;

import io.tunelab.tracker.TrackerException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A short digest that identifies training data: SHA-256 over the relative names and contents of the
 * given files (directories are walked, in name order), written {@code sha256:<first 16 hex digits>}.
 * Renaming or changing any file changes it; where the data lives does not. Stateless.
 */
public final class DatasetFingerprint {
    private DatasetFingerprint() {
    }

    /** The fingerprint of files and directory trees; UNAVAILABLE if one cannot be read. */
    public static String of(Path... paths) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        byte[] buffer = new byte[64 * 1024];
        for (Path base : paths) {
            for (Path file : files(base)) {
                Path rel = Files.isDirectory(base) ? base.relativize(file) : file.getFileName();
                md.update(rel.toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                try (InputStream in = Files.newInputStream(file)) {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        md.update(buffer, 0, n);
                    }
                } catch (IOException e) {
                    throw TrackerException.unavailable("cannot read dataset file " + file + ": " + e.getMessage(), e);
                }
            }
        }
        return "sha256:" + HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }

    private static List<Path> files(Path base) {
        if (!Files.isDirectory(base)) {
            return List.of(base);
        }
        try (Stream<Path> walk = Files.walk(base)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw TrackerException.unavailable("cannot list dataset directory " + base + ": " + e.getMessage(), e);
        }
    }
}
