package io.tunelab.search.sampler.gp;

/**
 * The Matérn-5/2 kernel with one length scale per parameter (automatic relevance determination):
 * {@code k(x, y) = s (1 + √5 r + 5r²/3) exp(−√5 r)} with {@code r² = Σⱼ wⱼ (xⱼ − yⱼ)² / ℓ_g(j)²}
 * (Rasmussen and Williams 2006, §4.2), where the {@link KernelLayout} gives each coordinate's length
 * scale {@code g(j)} and weight {@code wⱼ} (a categorical's one-hot block shares one). Immutable;
 * thread-safe.
 *
 * @param lengthScales ℓ, one per parameter of the layout, positive
 * @param variance     s, the signal variance, positive
 * @param layout       coordinates to length scales
 */
public record Matern52(double[] lengthScales, double variance, KernelLayout layout) {
    private static final double SQRT5 = Math.sqrt(5);

    /** One length scale per coordinate. */
    public Matern52(double[] lengthScales, double variance) {
        this(lengthScales, variance, KernelLayout.identity(lengthScales.length));
    }

    /** Squared scaled distance r². */
    public double squaredDistance(double[] x, double[] y) {
        int[] group = layout.group();
        double[] weight = layout.weight();
        double r2 = 0;
        for (int j = 0; j < x.length; j++) {
            double d = (x[j] - y[j]) / lengthScales[group[j]];
            r2 += weight[j] * d * d;
        }
        return r2;
    }

    /** {@code ∂r²/∂xⱼ / 2 = wⱼ (xⱼ − yⱼ) / ℓ_g(j)²}. */
    public double halfDistanceGradient(double[] x, double[] y, int j) {
        double ls = lengthScales[layout.group()[j]];
        return layout.weight()[j] * (x[j] - y[j]) / (ls * ls);
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
     * {@code g(r) = s (5/3)(1 + √5 r) exp(−√5 r)}: then ∂k/∂xⱼ = −g wⱼ (xⱼ − yⱼ)/ℓ², and ∂k/∂log ℓ
     * sums g wⱼ (xⱼ − yⱼ)²/ℓ² over the coordinates that share ℓ.
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
