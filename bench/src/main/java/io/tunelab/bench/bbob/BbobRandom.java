package io.tunelab.bench.bbob;

/**
 * The random numbers of the BBOB 2009 reference code, so that instance {@code i} of function {@code f}
 * is drawn as the testbed draws it: a Park–Miller generator with a 32-entry shuffle table
 * ({@link #uniform}), Box–Muller normals over it ({@link #gauss}), Gram–Schmidt rotations
 * ({@link #rotation}), optima on a 10⁻⁴ grid in [-4, 4] ({@link #xopt}) and optimal values
 * ({@link #fopt}). Every method is a pure function of its seed. The seed of function {@code f},
 * instance {@code i} is {@code f + 10000 i} ({@link #seed}).
 */
final class BbobRandom {
    private static final long MODULUS = 2147483647L;

    private BbobRandom() {
    }

    /** The base seed of {@code function}, {@code instance}. */
    static long seed(int function, int instance) {
        return function + 10000L * instance;
    }

    /** {@code n} uniform numbers in (0, 1] from {@code seed}. */
    static double[] uniform(int n, long seed) {
        long s = Math.max(1, Math.abs(seed));
        long[] table = new long[32];
        for (int i = 39; i >= 0; i--) {
            s = next(s);
            if (i < 32) {
                table[i] = s;
            }
        }
        long pick = table[0];
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            s = next(s);
            int slot = (int) Math.floor(pick / 67108865.0);
            pick = table[slot];
            table[slot] = s;
            out[i] = pick / 2.147483647e9;
            if (out[i] == 0) {
                out[i] = 1e-99;
            }
        }
        return out;
    }

    private static long next(long s) {
        long hi = (long) Math.floor(s / 127773.0);
        long r = 16807 * (s - hi * 127773) - 2836 * hi;
        return r < 0 ? r + MODULUS : r;
    }

    /** {@code n} standard normal numbers from {@code seed} (Box–Muller over {@code 2n} uniforms). */
    static double[] gauss(int n, long seed) {
        double[] u = uniform(2 * n, seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.sqrt(-2 * Math.log(u[i])) * Math.cos(2 * Math.PI * u[n + i]);
            if (out[i] == 0) {
                out[i] = 1e-99;
            }
        }
        return out;
    }

    /** A {@code dim × dim} orthogonal matrix: Gram–Schmidt on the columns of a normal matrix. */
    static double[][] rotation(long seed, int dim) {
        double[] g = gauss(dim * dim, seed);
        double[][] b = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                b[i][j] = g[j * dim + i];
            }
        }
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < i; j++) {
                double prod = 0;
                for (int k = 0; k < dim; k++) {
                    prod += b[k][i] * b[k][j];
                }
                for (int k = 0; k < dim; k++) {
                    b[k][i] -= prod * b[k][j];
                }
            }
            double norm = 0;
            for (int k = 0; k < dim; k++) {
                norm += b[k][i] * b[k][i];
            }
            norm = Math.sqrt(norm);
            for (int k = 0; k < dim; k++) {
                b[k][i] /= norm;
            }
        }
        return b;
    }

    /** An optimum location: uniform on the grid {@code -4 + 8k/10⁴} in [-4, 4), never exactly 0. */
    static double[] xopt(long seed, int dim) {
        double[] x = uniform(dim, seed);
        for (int i = 0; i < dim; i++) {
            x[i] = 8 * Math.floor(1e4 * x[i]) / 1e4 - 4;
            if (x[i] == 0) {
                x[i] = -1e-5;
            }
        }
        return x;
    }

    /**
     * The optimal value of {@code function}, {@code instance}: a Cauchy-distributed number rounded to
     * two decimals and clipped to [-1000, 1000] (f4 and f18 use the seeds of f3 and f17).
     */
    static double fopt(int function, int instance) {
        int base = function == 4 ? 3 : function == 18 ? 17 : function;
        long seed = seed(base, instance);
        double g1 = gauss(1, seed)[0];
        double g2 = gauss(1, seed + 1)[0];
        return Math.min(1000, Math.max(-1000, Math.floor(100 * 100 * g1 / g2 + 0.5) / 100));
    }
}
