package io.tunelab.bench.bbob;

/**
 * The building blocks of the BBOB definitions (Hansen et al. 2009, section 0): the oscillation
 * {@code T_osz}, the asymmetry {@code T_asy^β}, the diagonal conditioning {@code Λ^α}, the boundary
 * penalty {@code f_pen} and matrix algebra. Pure functions; arrays passed in are not changed.
 */
final class Transforms {
    private Transforms() {
    }

    /** {@code T_osz} of one number: sign(x) exp(x̂ + 0.049 (sin(c₁x̂) + sin(c₂x̂))), x̂ = log|x|. */
    static double oscillate(double x) {
        if (x == 0) {
            return 0;
        }
        double h = Math.log(Math.abs(x));
        double c1 = x > 0 ? 10 : 5.5;
        double c2 = x > 0 ? 7.9 : 3.1;
        return Math.signum(x) * Math.exp(h + 0.049 * (Math.sin(c1 * h) + Math.sin(c2 * h)));
    }

    /** {@code T_osz} applied to every coordinate. */
    static double[] oscillate(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = oscillate(x[i]);
        }
        return out;
    }

    /** {@code T_asy^β}: positive coordinates become x_i^(1 + β i/(D-1) √x_i) (i from 0). */
    static double[] asymmetric(double[] x, double beta) {
        double[] out = x.clone();
        for (int i = 0; i < x.length; i++) {
            if (x[i] > 0) {
                out[i] = Math.pow(x[i], 1 + beta * i / (x.length - 1.0) * Math.sqrt(x[i]));
            }
        }
        return out;
    }

    /** The i-th diagonal entry of {@code Λ^α}: α^(i / (2(D-1))), i from 0. */
    static double lambda(double alpha, int i, int dim) {
        return Math.pow(alpha, 0.5 * i / (dim - 1.0));
    }

    /** {@code Λ^α x}. */
    static double[] condition(double[] x, double alpha) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = lambda(alpha, i, x.length) * x[i];
        }
        return out;
    }

    /** {@code f_pen}: the sum of squared excesses of |x_i| over 5. */
    static double penalty(double[] x) {
        double sum = 0;
        for (double v : x) {
            double over = Math.abs(v) - 5;
            if (over > 0) {
                sum += over * over;
            }
        }
        return sum;
    }

    /** {@code x - shift}. */
    static double[] minus(double[] x, double[] shift) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - shift[i];
        }
        return out;
    }

    /** The matrix-vector product {@code m x}. */
    static double[] times(double[][] m, double[] x) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            double sum = 0;
            for (int j = 0; j < x.length; j++) {
                sum += m[i][j] * x[j];
            }
            out[i] = sum;
        }
        return out;
    }

    /** {@code q Λ^α r}, the linear map of the ill-conditioned rotated functions. */
    static double[][] rotatedConditioning(double[][] q, double alpha, double[][] r) {
        int d = r.length;
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double sum = 0;
                for (int k = 0; k < d; k++) {
                    sum += q[i][k] * lambda(alpha, k, d) * r[k][j];
                }
                m[i][j] = sum;
            }
        }
        return m;
    }

    /** The transpose of a square matrix. */
    static double[][] transpose(double[][] m) {
        double[][] t = new double[m.length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    /** The sum of squares. */
    static double squaredNorm(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        return sum;
    }

    /** The Rosenbrock core Σ 100 (z_i² - z_{i+1})² + (z_i - 1)². */
    static double rosenbrock(double[] z) {
        double sum = 0;
        for (int i = 0; i < z.length - 1; i++) {
            double a = z[i] * z[i] - z[i + 1];
            double b = z[i] - 1;
            sum += 100 * a * a + b * b;
        }
        return sum;
    }
}
