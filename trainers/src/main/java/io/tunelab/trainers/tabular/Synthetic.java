package io.tunelab.trainers.tabular;

import io.tunelab.trainers.TrainersException;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded synthetic tables for tests and demos. Same arguments, same table. Stateless.
 */
public final class Synthetic {
    private static final int GROUPS = 3;

    private Synthetic() {
    }

    /**
     * A classification table after Guyon's design for the NIPS 2003 feature-selection challenge
     * (the one scikit-learn's {@code make_classification} follows): each class is a Gaussian cluster
     * (unit variance) around a distinct vertex of the hypercube {@code {-separation, +separation}^informative};
     * {@code noise} further features are pure N(0, 1). Feature {@code xj} is multiplied by
     * {@code 10^(j mod 3)}, so unscaled features differ by two orders of magnitude (standardisation
     * matters). A categorical column {@code group} with levels {@code g0..g2} equals {@code g(class mod 3)}
     * with probability 0.6, else a random level. Classes {@code c0, c1, ...} are balanced (row i has
     * class {@code i mod classes}); the target column is {@code label}.
     *
     * @throws TrainersException if {@code classes} exceeds the {@code 2^informative} vertices or a count is not positive
     */
    public static Table classification(int rows, int informative, int noise, int classes, double separation, long seed) {
        if (rows < 1 || informative < 1 || noise < 0 || classes < 2) {
            throw new TrainersException("need rows >= 1, informative >= 1, noise >= 0 and classes >= 2, got rows=" + rows
                    + ", informative=" + informative + ", noise=" + noise + ", classes=" + classes);
        }
        if (informative < 31 && classes > (1 << informative)) {
            throw new TrainersException(classes + " classes need distinct cluster vertices, but " + informative
                    + " informative features give only " + (1 << informative));
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[][] centroids = vertices(classes, informative, separation, random);
        int features = informative + noise;
        double[][] x = new double[features][rows];
        String[] group = new String[rows];
        String[] label = new String[rows];
        for (int i = 0; i < rows; i++) {
            int cls = i % classes;
            label[i] = "c" + cls;
            for (int j = 0; j < features; j++) {
                double centre = j < informative ? centroids[cls][j] : 0;
                x[j][i] = (centre + random.nextGaussian()) * Math.pow(10, j % 3);
            }
            group[i] = "g" + (random.nextDouble() < 0.6 ? cls % GROUPS : random.nextInt(GROUPS));
        }
        TableBuilder builder = Table.builder("synthetic-classification");
        for (int j = 0; j < features; j++) {
            builder.numeric("x" + j, x[j]);
        }
        return builder.categorical("group", group).classTarget("label", label).build();
    }

    /** {@link #classification(int, int, int, int, double, long)} with 4 informative and 2 noise features, separation 1. */
    public static Table classification(int rows, int classes, long seed) {
        return classification(rows, 4, 2, classes, 1.0, seed);
    }

    /**
     * Friedman's first regression problem (J. H. Friedman, "Multivariate adaptive regression
     * splines", Annals of Statistics 19(1), 1991): {@code x0..x4} uniform on [0, 1] and
     * {@code y = 10 sin(pi x0 x1) + 20 (x2 - 0.5)^2 + 10 x3 + 5 x4 + N(0, noise^2)}, plus
     * {@code extra} irrelevant uniform features; the target column is {@code y}.
     */
    public static Table regression(int rows, int extra, double noise, long seed) {
        if (rows < 1 || extra < 0 || noise < 0) {
            throw new TrainersException("need rows >= 1, extra >= 0 and noise >= 0, got rows=" + rows + ", extra="
                    + extra + ", noise=" + noise);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int features = 5 + extra;
        double[][] x = new double[features][rows];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < features; j++) {
                x[j][i] = random.nextDouble();
            }
            y[i] = 10 * Math.sin(Math.PI * x[0][i] * x[1][i]) + 20 * Math.pow(x[2][i] - 0.5, 2) + 10 * x[3][i]
                    + 5 * x[4][i] + noise * random.nextGaussian();
        }
        TableBuilder builder = Table.builder("synthetic-regression");
        for (int j = 0; j < features; j++) {
            builder.numeric("x" + j, x[j]);
        }
        return builder.regressionTarget("y", y).build();
    }

    private static double[][] vertices(int classes, int dims, double separation, SplittableRandom random) {
        Set<String> used = new HashSet<>();
        double[][] out = new double[classes][dims];
        for (int c = 0; c < classes; c++) {
            String key;
            do {
                StringBuilder sb = new StringBuilder();
                for (int j = 0; j < dims; j++) {
                    boolean plus = random.nextBoolean();
                    out[c][j] = plus ? separation : -separation;
                    sb.append(plus ? '+' : '-');
                }
                key = sb.toString();
            } while (!used.add(key));
        }
        return out;
    }
}
