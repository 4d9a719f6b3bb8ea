package io.tunelab.trainers.data;

import java.util.Arrays;

/**
 * The content of an unsigned-byte IDX file: its dimensions and its raw bytes, plus the SHA-256 of the
 * uncompressed file (header and data), which identifies the content whether it was stored gzipped or not.
 *
 * <p>Immutable in intent: the arrays are the reader's own and must not be modified.
 *
 * @param shape         dimensions, the first being the number of items (e.g. {@code [60000, 28, 28]})
 * @param data          the values as stored; read them as unsigned ({@code b & 0xFF})
 * @param contentSha256 lower-case hex SHA-256 of the uncompressed file
 */
public record IdxArray(int[] shape, byte[] data, String contentSha256) {

    /** Number of items (the first dimension). */
    public int count() {
        return shape[0];
    }

    /** Dimensions of one item (all but the first). */
    public int[] itemShape() {
        return Arrays.copyOfRange(shape, 1, shape.length);
    }

    /** Values as floats in [0, 1]: each unsigned byte divided by 255. */
    public float[] toUnitFloats() {
        float[] out = new float[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = (data[i] & 0xFF) / 255f;
        }
        return out;
    }

    /** Values as non-negative ints (for label files). */
    public int[] toInts() {
        int[] out = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            out[i] = data[i] & 0xFF;
        }
        return out;
    }
}
