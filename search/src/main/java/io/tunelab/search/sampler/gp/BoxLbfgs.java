package io.tunelab.search.sampler.gp;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Maximises a smooth function inside a box with limited-memory BFGS directions (Nocedal 1980),
 * projected onto the box, and a backtracking Armijo line search along the projected path: a small
 * stand-in for L-BFGS-B that suits hyperparameter fitting and acquisition refinement. Stateless;
 * each call is independent.
 */
final class BoxLbfgs {
    private static final int MEMORY = 8;

    /** A function to maximise: returns f(x) and writes ∇f(x) into {@code grad}. */
    @FunctionalInterface
    interface Objective {
        double evaluate(double[] x, double[] grad);
    }

    /** The best point found and its value. */
    record Result(double[] x, double value) {
    }

    private BoxLbfgs() {
    }

    static Result maximize(Objective f, double[] start, double[] lower, double[] upper, int maxIterations,
                           double tolerance) {
        int d = start.length;
        double[] x = project(start.clone(), lower, upper);
        double[] g = new double[d];
        double fx = f.evaluate(x, g);
        if (!Double.isFinite(fx)) {
            return new Result(x, fx);
        }
        Deque<double[][]> memory = new ArrayDeque<>();
        for (int it = 0; it < maxIterations; it++) {
            double[] dir = direction(g, memory);
            if (dot(dir, g) <= 0) {
                dir = g.clone();
                memory.clear();
            }
            // without curvature pairs the direction is the raw gradient, whose scale says nothing:
            // start with a step of at most 1 in every coordinate instead of halving down to it
            double step = memory.isEmpty() ? Math.min(1, 1 / maxAbs(dir)) : 1;
            double[] next = null;
            double fNext = Double.NEGATIVE_INFINITY;
            double[] gNext = new double[d];
            for (int ls = 0; ls < 30; ls++) {
                double[] trial = new double[d];
                for (int j = 0; j < d; j++) {
                    trial[j] = x[j] + step * dir[j];
                }
                project(trial, lower, upper);
                double gain = 0;
                for (int j = 0; j < d; j++) {
                    gain += g[j] * (trial[j] - x[j]);
                }
                double ft = f.evaluate(trial, gNext);
                if (Double.isFinite(ft) && ft >= fx + 1e-4 * gain) {
                    next = trial;
                    fNext = ft;
                    break;
                }
                step *= 0.5;
            }
            if (next == null) {
                break;
            }
            double[] s = new double[d];
            double[] yv = new double[d];
            for (int j = 0; j < d; j++) {
                s[j] = next[j] - x[j];
                yv[j] = g[j] - gNext[j]; // gradient of −f
            }
            if (dot(s, yv) > 1e-12) {
                memory.addLast(new double[][] {s, yv});
                if (memory.size() > MEMORY) {
                    memory.removeFirst();
                }
            }
            double improvement = fNext - fx;
            x = next;
            fx = fNext;
            g = gNext.clone();
            if (improvement < tolerance * (1 + Math.abs(fx)) || projectedGradientSmall(x, g, lower, upper, tolerance)) {
                break;
            }
        }
        return new Result(x, fx);
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    /** The L-BFGS ascent direction from the two-loop recursion on −f. */
    private static double[] direction(double[] g, Deque<double[][]> memory) {
        int d = g.length;
        double[] q = new double[d];
        for (int j = 0; j < d; j++) {
            q[j] = -g[j];
        }
        int m = memory.size();
        double[] alphas = new double[m];
        double[][][] pairs = memory.toArray(new double[0][][]);
        for (int i = m - 1; i >= 0; i--) {
            double rho = 1 / dot(pairs[i][1], pairs[i][0]);
            alphas[i] = rho * dot(pairs[i][0], q);
            axpy(-alphas[i], pairs[i][1], q);
        }
        if (m > 0) {
            double gamma = dot(pairs[m - 1][0], pairs[m - 1][1]) / dot(pairs[m - 1][1], pairs[m - 1][1]);
            for (int j = 0; j < d; j++) {
                q[j] *= gamma;
            }
        }
        for (int i = 0; i < m; i++) {
            double rho = 1 / dot(pairs[i][1], pairs[i][0]);
            double beta = rho * dot(pairs[i][1], q);
            axpy(alphas[i] - beta, pairs[i][0], q);
        }
        for (int j = 0; j < d; j++) {
            q[j] = -q[j];
        }
        return q;
    }

    private static boolean projectedGradientSmall(double[] x, double[] g, double[] lower, double[] upper, double tol) {
        double max = 0;
        for (int j = 0; j < x.length; j++) {
            double moved = Math.min(upper[j], Math.max(lower[j], x[j] + g[j])) - x[j];
            max = Math.max(max, Math.abs(moved));
        }
        return max < tol;
    }

    private static double[] project(double[] x, double[] lower, double[] upper) {
        for (int j = 0; j < x.length; j++) {
            x[j] = Math.min(upper[j], Math.max(lower[j], x[j]));
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    private static void axpy(double a, double[] x, double[] y) {
        for (int j = 0; j < x.length; j++) {
            y[j] += a * x[j];
        }
    }
}
