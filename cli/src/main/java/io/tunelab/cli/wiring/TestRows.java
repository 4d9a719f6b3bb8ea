package io.tunelab.cli.wiring;

import java.util.Arrays;

/**
 * The rows of a study's data set in its held-out test split ({@link TrainerFactory#testRows}).
 *
 * @param data  the fingerprint of the whole data set as the trainer read it (its rows, columns and target): two
 *              splits index the same rows exactly when their fingerprints are equal
 * @param rows  the indices of the test rows in the data set, in the order of {@link TrainerFactory#testScores}
 */
public record TestRows(String data, int[] rows) {
    public TestRows {
        rows = rows.clone();
    }

    @Override
    public int[] rows() {
        return rows.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TestRows t && t.data.equals(data) && Arrays.equals(t.rows, rows);
    }

    @Override
    public int hashCode() {
        return 31 * data.hashCode() + Arrays.hashCode(rows);
    }

    @Override
    public String toString() {
        return "TestRows[data=" + data + ", " + rows.length + " rows]";
    }
}
