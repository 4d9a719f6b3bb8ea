package io.tunelab.search.sampler.gp;

/**
 * Values shifted to mean 0 and scaled to standard deviation 1 (scale 1 when they are all equal).
 * Immutable.
 *
 * @param values the standardised values
 * @param mean   the original mean
 * @param scale  the original standard deviation
 */
record Standardized(double[] values, double mean, double scale) {

    static Standardized of(double[] raw) {
        int n = raw.length;
        double mean = 0;
        for (double v : raw) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (double v : raw) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / n);
        double scale = sd > 1e-12 * Math.max(1, Math.abs(mean)) ? sd : 1;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = (raw[i] - mean) / scale;
        }
        return new Standardized(out, mean, scale);
    }

    /** An original value in standardised units. */
    double standardize(double v) {
        return (v - mean) / scale;
    }
}
