package io.tunelab.trainers.data;

import io.tunelab.trainers.TrainersException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The content hash of a training dataset, for provenance, in one format for every trainer: the SHA-256
 * of a canonical byte stream of the data, with the dataset's size and shape beside it. Two datasets have
 * the same fingerprint exactly when their canonical streams are equal; where the data was read from
 * (file name, directory, table name) is never part of it.
 *
 * <p>The canonical streams:
 * <ul>
 *   <li>a {@link DenseDataset} ({@link #of(DenseDataset)}): little-endian 32-bit integers for the number
 *       of example dimensions, each dimension, the class count and the example count, then every feature
 *       (IEEE-754 bits) and every label, in example order (a regression dataset, whose class count is 0:
 *       every target instead, IEEE-754 bits);</li>
 *   <li>a tabular dataset ({@link io.tunelab.trainers.tabular.Table#fingerprint()}): the version tag
 *       {@code tunelab-table/1}, the column names and kinds, the target name and class names, the row count,
 *       then every row's cells and target, big-endian as {@link java.io.DataOutputStream} writes them, each
 *       string length-prefixed UTF-8 (length -1 for a missing cell).</li>
 * </ul>
 *
 * <p>Printed ({@link #toString()}) as {@code sha256:} and the 64 lower-case hex digits; recorded as the
 * trial attribute {@code dataset_fingerprint} in the form of {@link #toMap()}. Immutable.
 *
 * @param sha256       the 64 lower-case hex digits of the SHA-256 of the canonical stream
 * @param examples     number of examples (rows)
 * @param exampleShape dimensions of one example (for a table: its number of feature columns)
 * @param numClasses   number of classes; 0 for a regression target
 */
public record DatasetFingerprint(String sha256, int examples, List<Integer> exampleShape, int numClasses) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public DatasetFingerprint {
        Objects.requireNonNull(sha256, "sha256");
        if (!HEX.matcher(sha256).matches()) {
            throw new TrainersException("sha256 must be 64 lower-case hex digits, got '" + sha256 + "'");
        }
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
        if (data.isRegression()) {
            for (float target : data.targets()) {
                flushIfFull(sha, chunk);
                chunk.putFloat(target);
            }
        } else {
            for (int label : data.labels()) {
                flushIfFull(sha, chunk);
                chunk.putInt(label);
            }
        }
        chunk.flip();
        sha.update(chunk);
        return new DatasetFingerprint(Sha256.hex(sha.digest()), data.size(), Arrays.stream(shape).boxed().toList(),
                data.numClasses());
    }

    private static void flushIfFull(MessageDigest sha, ByteBuffer chunk) {
        if (chunk.remaining() < 4) {
            chunk.flip();
            sha.update(chunk);
            chunk.clear();
        }
    }

    /** JSON-compatible form for a trial attribute: {@code sha256}, {@code examples}, {@code example_shape}, {@code num_classes}. */
    public Map<String, Object> toMap() {
        return Map.of("sha256", sha256, "examples", examples, "example_shape", exampleShape, "num_classes", numClasses);
    }

    /** {@code sha256:} and the hex digest, e.g. for a model's data source description. */
    @Override
    public String toString() {
        return "sha256:" + sha256;
    }
}
