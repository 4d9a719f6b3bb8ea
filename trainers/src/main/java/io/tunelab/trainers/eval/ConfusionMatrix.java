package io.tunelab.trainers.eval;

import io.tunelab.trainers.TrainersException;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts of (true class, predicted class) pairs: row = truth, column = prediction, classes by index.
 * Immutable.
 */
public final class ConfusionMatrix {
    private final List<String> classes;
    private final int[][] counts;

    private ConfusionMatrix(List<String> classes, int[][] counts) {
        this.classes = List.copyOf(classes);
        this.counts = counts;
    }

    /**
     * Tallies {@code truth} against {@code predicted}.
     *
     * @throws TrainersException if the lengths differ or a label is outside {@code [0, classes.size())}
     */
    public static ConfusionMatrix of(int[] truth, int[] predicted, List<String> classes) {
        if (truth.length != predicted.length) {
            throw new TrainersException("truth has " + truth.length + " labels but predictions have " + predicted.length);
        }
        int k = classes.size();
        int[][] counts = new int[k][k];
        for (int i = 0; i < truth.length; i++) {
            check(truth[i], k, "true", i);
            check(predicted[i], k, "predicted", i);
            counts[truth[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(classes, counts);
    }

    private static void check(int label, int k, String which, int i) {
        if (label < 0 || label >= k) {
            throw new TrainersException(which + " label " + label + " at example " + i + " is not a class index in [0, "
                    + k + ")");
        }
    }

    public List<String> classes() {
        return classes;
    }

    /** How many examples of class {@code truth} were predicted as {@code predicted}. */
    public int count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    /** Examples whose true class is {@code cls} (its support). */
    public int actual(int cls) {
        int sum = 0;
        for (int p = 0; p < counts.length; p++) {
            sum += counts[cls][p];
        }
        return sum;
    }

    /** Examples predicted as {@code cls}. */
    public int predicted(int cls) {
        int sum = 0;
        for (int[] row : counts) {
            sum += row[cls];
        }
        return sum;
    }

    public int total() {
        int sum = 0;
        for (int c = 0; c < counts.length; c++) {
            sum += actual(c);
        }
        return sum;
    }

    /** Correct predictions (the diagonal). */
    public int correct() {
        int sum = 0;
        for (int c = 0; c < counts.length; c++) {
            sum += counts[c][c];
        }
        return sum;
    }

    /** The counts as nested lists (rows = truth), JSON-compatible. */
    public List<List<Integer>> toLists() {
        List<List<Integer>> rows = new ArrayList<>();
        for (int[] row : counts) {
            rows.add(java.util.Arrays.stream(row).boxed().toList());
        }
        return rows;
    }

    /**
     * The counts as a Markdown table: a row per true class, a column per predicted class, then each row's total
     * ({@code |} in class names escaped).
     */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder("| true \\ predicted |");
        classes.forEach(c -> md.append(' ').append(cellText(c)).append(" |"));
        md.append(" total |\n|---|");
        md.append("---:|".repeat(classes.size() + 1)).append('\n');
        for (int t = 0; t < counts.length; t++) {
            md.append("| **").append(cellText(classes.get(t))).append("** |");
            for (int count : counts[t]) {
                md.append(' ').append(count).append(" |");
            }
            md.append(' ').append(actual(t)).append(" |\n");
        }
        return md.toString();
    }

    private static String cellText(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }
}
