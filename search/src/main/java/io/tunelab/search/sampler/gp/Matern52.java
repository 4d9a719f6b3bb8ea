package io.tunelab.search.sampler.gp;

/**
 * The Matérn-5/2 kernel with one length scale per dimension (automatic relevance determination):
 * {@code k(x, y) = s (1 + √5 r + 5r²/3) exp(−√5 r)} with {@code r² = Σⱼ (xⱼ − yⱼ)² / ℓⱼ²}
 * (Rasmussen and Williams 2006, §4.2). Immutable; thread-safe.
 *
 * @param lengthScales ℓ, one per dimension, positive
 * @param variance     s, the signal variance, positive
 */
public record Matern52(double[] lengthScales, double variance) {
    private static final double SQRT5 = Math.sqrt(5);

    /** Squared scaled distance r². */
    public double squaredDistance(double[] x, double[] y) {
        double r2 = 0;
        for (int j = 0; j < x.length; j++) {
            double d = (x[j] - y[j]) / lengthScales[j];
            r2 += d * d;
        }
        return r2;
    }

    public double value(double[] x, double[] y) {
        return ofSquaredDistance(squaredDistance(x, y));
    }

    /** k as a function of r². */
    public double ofSquaredDistance(double r2) {
        double r = Math.sqrt(r2);
        return variance * (1 + SQRT5 * r + 5 * r2 / 3) * Math.exp(-SQRT5 * r);
    }

    /**
     * {@code g(r) = s (5/3)(1 + √5 r) exp(−√5 r)}: then ∂k/∂xⱼ = −g (xⱼ − yⱼ)/ℓⱼ² and
     * ∂k/∂log ℓⱼ = g (xⱼ − yⱼ)²/ℓⱼ².
     */
    public double gradientFactor(double r2) {
        double r = Math.sqrt(r2);
        return variance * (5.0 / 3) * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
    }

    /** The Gram matrix of {@code x} (full, symmetric). */
    public double[][] gram(double[][] x) {
        int n = x.length;
        double[][] k = new double[n][n];
        for (int a = 0; a < n; a++) {
            k[a][a] = variance;
            for (int b = 0; b < a; b++) {
                double v = value(x[a], x[b]);
                k[a][b] = v;
                k[b][a] = v;
            }
        }
        return k;
    }
}
