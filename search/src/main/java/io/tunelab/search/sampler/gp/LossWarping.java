package io.tunelab.search.sampler.gp;

import java.util.Arrays;

/**
 * A monotone warping of observed losses for losses that span orders of magnitude (an ill-conditioned
 * valley seen from far away, a loss that explodes in part of the space): {@code log(y − min + (median − min))}.
 * Below the median it is nearly linear, so the GP still sees how much better the good points are; above it,
 * it is logarithmic, so a few enormous losses no longer make all the others look alike after
 * standardisation. Shift- and scale-invariant; {@link GpSampler} uses it only where the warped model
 * explains the losses better. Stateless.
 */
final class LossWarping {

    private LossWarping() {
    }

    /** The warped losses, or null when the median equals the minimum (nothing to spread). */
    static double[] logAboveMedian(double[] loss) {
        int n = loss.length;
        double[] sorted = loss.clone();
        Arrays.sort(sorted);
        double min = sorted[0];
        double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
        double offset = median - min;
        if (!(offset > 0) || !Double.isFinite(offset)) {
            return null;
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.log(loss[i] - min + offset);
        }
        return out;
    }
}
