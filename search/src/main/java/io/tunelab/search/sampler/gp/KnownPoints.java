package io.tunelab.search.sampler.gp;

import io.tunelab.search.space.SearchSpaceTransform;
import java.util.ArrayList;
import java.util.List;

/**
 * The points of the unit cube whose parameters a proposal must not repeat: the observed and the pending ones.
 * Two points are the same when they decode to the same parameters: each is compared after the transform's
 * round trip (integers and steps snapped, one-hot blocks made canonical), coordinate by coordinate within
 * {@value #TOLERANCE} (floating-point noise, far below any step a search takes). {@link GpSampler} uses them in
 * spaces of finitely many values, where EI's maximiser in the continuous relaxation otherwise snaps back into the
 * incumbent's cell. Immutable.
 */
final class KnownPoints {
    static final double TOLERANCE = 1e-9;

    private final SearchSpaceTransform transform;
    private final List<double[]> canonical;

    private KnownPoints(SearchSpaceTransform transform, List<double[]> canonical) {
        this.transform = transform;
        this.canonical = canonical;
    }

    /** The known points {@code observed} and {@code pending} (unit cube) of {@code transform}'s space. */
    static KnownPoints of(SearchSpaceTransform transform, double[][] observed, List<double[]> pending) {
        List<double[]> canonical = new ArrayList<>(observed.length + pending.size());
        for (double[] x : observed) {
            canonical.add(roundTrip(transform, x));
        }
        for (double[] x : pending) {
            canonical.add(roundTrip(transform, x));
        }
        return new KnownPoints(transform, canonical);
    }

    /** No known points: nothing counts as a repeat. */
    static KnownPoints none(SearchSpaceTransform transform) {
        return new KnownPoints(transform, List.of());
    }

    /** Whether {@code x} (unit cube) decodes to the parameters of a known point. */
    boolean contains(double[] x) {
        if (canonical.isEmpty()) {
            return false;
        }
        double[] c = roundTrip(transform, x);
        for (double[] k : canonical) {
            if (same(c, k)) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(double[] a, double[] b) {
        for (int j = 0; j < a.length; j++) {
            if (Math.abs(a[j] - b[j]) > TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    private static double[] roundTrip(SearchSpaceTransform transform, double[] x) {
        return transform.toUnit(transform.fromUnit(x));
    }
}
