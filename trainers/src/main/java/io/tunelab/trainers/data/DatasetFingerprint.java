package io.tunelab.trainers.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A content hash of a dataset, for provenance: two datasets have the same fingerprint exactly when they
 * have the same example shape, number of classes, and the same feature values (bit for bit) and labels
 * in the same order.
 *
 * @param sha256       lower-case hex SHA-256 over shape, class count, features (IEEE-754 bits,
 *                     little-endian) and labels
 * @param examples     number of examples
 * @param exampleShape dimensions of one example
 * @param numClasses   number of classes
 */
public record DatasetFingerprint(String sha256, int examples, List<Integer> exampleShape, int numClasses) {
    public DatasetFingerprint {
        Objects.requireNonNull(sha256, "sha256");
        exampleShape = List.copyOf(exampleShape);
    }

    /** Computes the fingerprint of {@code data}. */
    public static DatasetFingerprint of(DenseDataset data) {
        MessageDigest sha = Sha256.newDigest();
        int[] shape = data.exampleShape();
        ByteBuffer header = ByteBuffer.allocate(4 * (shape.length + 3)).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(shape.length);
        for (int d : shape) {
            header.putInt(d);
        }
        header.putInt(data.numClasses()).putInt(data.size());
        sha.update(header.array());
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : data.features()) {
            flushIfFull(sha, chunk);
            chunk.putFloat(v);
        }
        for (int label : data.labels()) {
            flushIfFull(sha, chunk);
            chunk.putInt(label);
        }
        chunk.flip();
        sha.update(chunk);
        return new DatasetFingerprint(Sha256.hex(sha.digest()), data.size(),
                java.util.Arrays.stream(shape).boxed().toList(), data.numClasses());
    }

    private static void flushIfFull(MessageDigest sha, ByteBuffer chunk) {
        if (chunk.remaining() < 4) {
            chunk.flip();
            sha.update(chunk);
            chunk.clear();
        }
    }

    /** JSON-compatible form for a trial attribute. */
    public Map<String, Object> toMap() {
        return Map.of("sha256", sha256, "examples", examples, "example_shape", exampleShape, "num_classes", numClasses);
    }
}
