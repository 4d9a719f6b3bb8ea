package io.tunelab.trainers.data;

import io.tunelab.trainers.TrainersException;

/**
 * One file of an IDX dataset.
 *
 * @param name          file name as published, e.g. {@code train-images-idx3-ubyte.gz}; a local copy
 *                      may also be stored uncompressed, under the name without {@code .gz}
 * @param contentSha256 lower-case hex SHA-256 of the <em>uncompressed</em> content, so that a copy
 *                      re-compressed by a packager (Debian does) or stored plain still verifies; null
 *                      when unknown (then nothing is verified)
 */
public record IdxFile(String name, String contentSha256) {
    public IdxFile {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\")) {
            throw new TrainersException("IDX file name must be a plain file name, got '" + name + "'");
        }
        if (contentSha256 != null && !contentSha256.matches("[0-9a-f]{64}")) {
            throw new TrainersException("SHA-256 of " + name + " must be 64 lower-case hex digits, got '" + contentSha256 + "'");
        }
    }

    /** The name a plain (uncompressed) copy would have. */
    public String plainName() {
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }
}
