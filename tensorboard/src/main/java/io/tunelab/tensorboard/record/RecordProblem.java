package io.tunelab.tensorboard.record;

import java.nio.file.Path;

/**
 * A record that could not be read: where it starts and why (a length or data CRC that does not match,
 * a file that ends inside it, data that is not an {@code Event}).
 *
 * @param file   the events file
 * @param offset byte offset of the record's first byte in the file
 * @param reason what is wrong, for a person
 */
public record RecordProblem(Path file, long offset, String reason) {
    @Override
    public String toString() {
        return file + " at byte " + offset + ": " + reason;
    }
}
