package io.tunelab.trainers.tabular;

import io.tunelab.trainers.TrainersException;
import java.util.List;

/**
 * A table after {@link FeatureEncoder encoding}: a dense matrix of real features with their names,
 * and the targets. Immutable (arrays are copied in and out).
 */
public final class TabularDataset {
    private final String name;
    private final List<String> featureNames;
    private final double[][] x;
    private final double[] y;
    private final List<String> classes;

    /**
     * @param name         name for provenance and messages
     * @param featureNames one name per column of {@code x}, distinct
     * @param x            rows of features, all of length {@code featureNames.size()}
     * @param y            targets: class indices into {@code classes}, or values for regression
     * @param classes      class names, empty for regression
     */
    public TabularDataset(String name, List<String> featureNames, double[][] x, double[] y, List<String> classes) {
        if (x.length != y.length) {
            throw new TrainersException("dataset '" + name + "' has " + x.length + " feature rows but " + y.length
                    + " targets");
        }
        this.name = name;
        this.featureNames = List.copyOf(featureNames);
        this.x = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != featureNames.size()) {
                throw new TrainersException("dataset '" + name + "' row " + i + " has " + x[i].length
                        + " features, expected " + featureNames.size());
            }
            this.x[i] = x[i].clone();
        }
        this.y = y.clone();
        this.classes = List.copyOf(classes);
    }

    public String name() {
        return name;
    }

    public Task task() {
        return classes.isEmpty() ? Task.REGRESSION : Task.CLASSIFICATION;
    }

    public int size() {
        return y.length;
    }

    public List<String> featureNames() {
        return featureNames;
    }

    /** A copy of the features of {@code row}. */
    public double[] row(int row) {
        return x[row].clone();
    }

    public double value(int row, int feature) {
        return x[row][feature];
    }

    /** The target of {@code row}: a class index for classification, a value for regression. */
    public double target(int row) {
        return y[row];
    }

    /** A copy of all targets. */
    public double[] targets() {
        return y.clone();
    }

    /** Class indices of every row; throws for a regression dataset. */
    public int[] labels() {
        if (classes.isEmpty()) {
            throw new TrainersException("dataset '" + name + "' is a regression dataset; it has no class labels");
        }
        int[] labels = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            labels[i] = (int) y[i];
        }
        return labels;
    }

    public List<String> classes() {
        return classes;
    }
}
