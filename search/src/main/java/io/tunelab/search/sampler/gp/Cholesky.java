package io.tunelab.search.sampler.gp;

import io.tunelab.search.SearchException;

/**
 * The Cholesky factor {@code L} of a symmetric positive-definite matrix, {@code A = L Lᵀ}, with the
 * solves, log-determinant and inverse a Gaussian process needs. The log-determinant is summed from the
 * factor's diagonal, {@code 2 Σ log Lᵢᵢ}, so it stays finite where the determinant itself under- or
 * overflows. Immutable once built; thread-safe.
 */
public final class Cholesky {
    private final double[][] lower;
    private final int n;

    private Cholesky(double[][] lower) {
        this.lower = lower;
        this.n = lower.length;
    }

    /** Factors {@code a} (only its lower triangle is read); throws if it is not positive definite. */
    public static Cholesky factor(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][];
        for (int i = 0; i < n; i++) {
            l[i] = new double[i + 1];
            double[] li = l[i];
            for (int j = 0; j <= i; j++) {
                double[] lj = l[j];
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= li[k] * lj[k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        throw new SearchException("matrix is not positive definite: pivot " + i + " is " + sum);
                    }
                    li[i] = Math.sqrt(sum);
                } else {
                    li[j] = sum / lj[j];
                }
            }
        }
        return new Cholesky(l);
    }

    /**
     * Factors {@code a + jitter·I}, starting with {@code jitter} and growing it tenfold up to five
     * times when the matrix is numerically not positive definite.
     */
    public static Cholesky factorWithJitter(double[][] a, double jitter) {
        double j = jitter;
        for (int attempt = 0; ; attempt++) {
            try {
                return factor(addDiagonal(a, j));
            } catch (SearchException e) {
                if (attempt == 5) {
                    throw e;
                }
                j = j == 0 ? 1e-10 : j * 10;
            }
        }
    }

    private static double[][] addDiagonal(double[][] a, double value) {
        if (value == 0) {
            return a;
        }
        double[][] b = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            b[i] = a[i].clone();
            b[i][i] += value;
        }
        return b;
    }

    public int size() {
        return n;
    }

    /** Entry {@code (i, j)} of L (zero above the diagonal). */
    public double get(int i, int j) {
        return j <= i ? lower[i][j] : 0;
    }

    /** log det A = 2 Σ log Lᵢᵢ. */
    public double logDeterminant() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.log(lower[i][i]);
        }
        return 2 * s;
    }

    /** Solves {@code L y = b}. */
    public double[] solveLower(double[] b) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double[] li = lower[i];
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= li[k] * y[k];
            }
            y[i] = sum / li[i];
        }
        return y;
    }

    /** Solves {@code Lᵀ x = y}. */
    public double[] solveUpper(double[] y) {
        double[] x = y.clone();
        for (int i = n - 1; i >= 0; i--) {
            x[i] /= lower[i][i];
            double xi = x[i];
            double[] li = lower[i];
            for (int k = 0; k < i; k++) {
                x[k] -= li[k] * xi;
            }
        }
        return x;
    }

    /** Solves {@code A x = b}. */
    public double[] solve(double[] b) {
        return solveUpper(solveLower(b));
    }

    /** A⁻¹, full symmetric. */
    public double[][] inverse() {
        // inv(L) column by column, then A⁻¹ = inv(L)ᵀ inv(L)
        double[][] linv = new double[n][n];
        for (int c = 0; c < n; c++) {
            linv[c][c] = 1 / lower[c][c];
            for (int i = c + 1; i < n; i++) {
                double[] li = lower[i];
                double sum = 0;
                for (int k = c; k < i; k++) {
                    sum -= li[k] * linv[k][c];
                }
                linv[i][c] = sum / li[i];
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 0;
                for (int k = i; k < n; k++) {
                    sum += linv[k][i] * linv[k][j];
                }
                inv[i][j] = sum;
                inv[j][i] = sum;
            }
        }
        return inv;
    }
}
