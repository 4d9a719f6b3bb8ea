package io.tunelab.search.sampler.qmc;

/**
 * Hickernell's centred L2 discrepancy of a point set in {@code [0, 1)^d} (F. J. Hickernell, "A generalized
 * discrepancy and quadrature error bound", Math. Comp. 67:299–322, 1998): smaller is more uniform.
 */
final class Discrepancy {
    private Discrepancy() {
    }

    static double centredL2(double[][] points) {
        int n = points.length;
        int d = points[0].length;
        double single = 0;
        for (double[] x : points) {
            double p = 1;
            for (int k = 0; k < d; k++) {
                double a = Math.abs(x[k] - 0.5);
                p *= 1 + 0.5 * a - 0.5 * a * a;
            }
            single += p;
        }
        double pairs = 0;
        for (double[] x : points) {
            for (double[] y : points) {
                double p = 1;
                for (int k = 0; k < d; k++) {
                    p *= 1 + 0.5 * Math.abs(x[k] - 0.5) + 0.5 * Math.abs(y[k] - 0.5) - 0.5 * Math.abs(x[k] - y[k]);
                }
                pairs += p;
            }
        }
        return Math.sqrt(Math.pow(13.0 / 12.0, d) - 2.0 / n * single + pairs / ((double) n * n));
    }
}
