package io.tunelab.search.sampler;

import org.apache.commons.math3.special.Erf;

/**
 * Fast, accurate functions of the standard normal distribution for samplers that evaluate them
 * millions of times (TPE's truncated kernels, GP's expected improvement). The scaled complementary
 * error function {@code erfcx(x) = exp(x²) erfc(x)} is tabulated once on {@code [0, 26]} with step
 * 1/64 from commons-math's {@link Erf#erfc} and read back by cubic Hermite interpolation with its
 * exact derivative {@code 2x erfcx(x) - 2/√π} (relative error about 1e-10); beyond 26 its asymptotic
 * series is used. Tails keep full relative precision, so logarithms of tiny probabilities are exact.
 * Stateless and thread-safe.
 */
public final class StandardNormal {
    private static final double STEP = 1.0 / 64;
    private static final double TABLE_END = 26.0;
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
    private static final double INV_SQRT_PI = 1 / Math.sqrt(Math.PI);
    private static final double SQRT2 = Math.sqrt(2);
    /** log(√(2π)). */
    public static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    /** Beyond ±8.5 each tail holds under 1e-17, so 1 − both tails rounds to exactly 1. */
    private static final double CENTRAL = 8.5;
    private static final double[] VALUE;
    private static final double[] SLOPE;

    static {
        int n = (int) Math.round(TABLE_END / STEP) + 1;
        VALUE = new double[n];
        SLOPE = new double[n];
        for (int k = 0; k < n; k++) {
            double x = k * STEP;
            VALUE[k] = Erf.erfc(x) * Math.exp(x * x);
            SLOPE[k] = 2 * x * VALUE[k] - TWO_OVER_SQRT_PI;
        }
    }

    private StandardNormal() {
    }

    /** {@code exp(x²) erfc(x)} for {@code x >= 0}; for negative x computed from erfc directly. */
    public static double erfcx(double x) {
        if (x < 0) {
            return Math.exp(x * x) * (2 - erfcx(-x) * Math.exp(-x * x));
        }
        if (x >= TABLE_END) {
            double inv2 = 1 / (x * x);
            return INV_SQRT_PI / x * (1 + inv2 * (-0.5 + inv2 * (0.75 + inv2 * (-1.875 + inv2 * 6.5625))));
        }
        double pos = x / STEP;
        int k = (int) pos;
        double t = pos - k;
        double t2 = t * t;
        double t3 = t2 * t;
        return (2 * t3 - 3 * t2 + 1) * VALUE[k] + (t3 - 2 * t2 + t) * STEP * SLOPE[k]
                + (-2 * t3 + 3 * t2) * VALUE[k + 1] + (t3 - t2) * STEP * SLOPE[k + 1];
    }

    /** The complementary error function. */
    public static double erfc(double x) {
        if (x >= 0) {
            return x > TABLE_END + 1 ? 0 : Math.exp(-x * x) * erfcx(x);
        }
        return 2 - erfc(-x);
    }

    /** Φ(z), the cumulative distribution function. */
    public static double cdf(double z) {
        return 0.5 * erfc(-z / SQRT2);
    }

    /** log Φ(z), accurate far into the lower tail. */
    public static double logCdf(double z) {
        if (z < 0) {
            double u = -z / SQRT2;
            return Math.log(0.5 * erfcx(u)) - u * u;
        }
        return Math.log1p(-0.5 * erfc(z / SQRT2));
    }

    /** φ(z), the density. */
    public static double pdf(double z) {
        return Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
    }

    /** log φ(z). */
    public static double logPdf(double z) {
        return -0.5 * z * z - LOG_SQRT_2PI;
    }

    /**
     * log(Φ(b) − Φ(a)) for {@code a < b}: the log-probability of an interval, accurate when both ends
     * lie in the same tail.
     */
    public static double logIntervalProbability(double a, double b) {
        if (a >= b) {
            return Double.NEGATIVE_INFINITY;
        }
        if (a > 0) {
            // upper tail: Φ(b) − Φ(a) = Q(a) − Q(b) with Q(x) = Φ(−x)
            return logDiff(logCdf(-a), logCdf(-b));
        }
        if (b < 0) {
            return logDiff(logCdf(b), logCdf(a));
        }
        if (a < -CENTRAL && b > CENTRAL) {
            return 0;
        }
        return Math.log(1 - cdf(a) - cdf(-b));
    }

    /** log(e^x − e^y) for x ≥ y. */
    private static double logDiff(double x, double y) {
        if (y == Double.NEGATIVE_INFINITY) {
            return x;
        }
        return x + Math.log(-Math.expm1(y - x));
    }

    /**
     * log h(z) with h(z) = z Φ(z) + φ(z): the expected improvement of a unit-variance normal whose
     * mean lies z standard deviations beyond the incumbent (Jones et al. 1998), computed stably for
     * very negative z as in Ament et al. 2023, "Unexpected improvements to expected improvement".
     */
    public static double logH(double z) {
        if (z > -1) {
            return Math.log(z * cdf(z) + pdf(z));
        }
        if (z > -30) {
            double u = -z / SQRT2;
            return -u * u + Math.log(0.5 * z * erfcx(u) + 1 / Math.sqrt(2 * Math.PI));
        }
        double inv2 = 1 / (z * z);
        return logPdf(z) + Math.log(inv2 * (1 + inv2 * (-3 + inv2 * (15 - 105 * inv2))));
    }
}
