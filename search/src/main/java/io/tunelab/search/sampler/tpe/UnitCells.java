package io.tunelab.search.sampler.tpe;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;

/**
 * Where a value of a discrete numeric distribution (int, stepped float) lies on the unit line of
 * {@link io.tunelab.search.space.SearchSpaceTransform}: each admissible value owns the cell from half
 * a step below it to half a step above, in log space for log ints. Stateless.
 */
final class UnitCells {
    private UnitCells() {
    }

    static boolean isCategorical(Distribution d) {
        return d instanceof CategoricalDistribution;
    }

    /** The cell {@code [from, to]} of internal value {@code v} on the unit line. */
    static double[] cell(Distribution d, double v) {
        if (d instanceof IntDistribution n) {
            double half = n.log() ? 0.5 : n.step() / 2.0;
            return new double[] {
                scale(v - half, n.low() - half, n.high() + half, n.log()),
                scale(v + half, n.low() - half, n.high() + half, n.log())};
        }
        FloatDistribution f = (FloatDistribution) d;
        double half = f.step() / 2;
        return new double[] {
            scale(v - half, f.low() - half, f.high() + half, false),
            scale(v + half, f.low() - half, f.high() + half, false)};
    }

    private static double scale(double v, double lo, double hi, boolean log) {
        if (log) {
            return (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo));
        }
        return (v - lo) / (hi - lo);
    }
}
