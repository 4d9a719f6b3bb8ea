package io.tunelab.search.trial;

import io.tunelab.search.SearchException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Exact hypervolume of point sets whose objectives are all minimised (losses, see {@link Direction#asLoss}): the
 * measure of the region that the points dominate and the reference point bounds. Stateless.
 */
public final class Hypervolume {
    private Hypervolume() {
    }

    /**
     * The hypervolume of {@code points} (each as long as {@code reference}) bounded by {@code reference}. Points not
     * strictly better than the reference in every objective add nothing. Two objectives take a sweep over the points
     * sorted by the first, O(n log n); more objectives slice along the last one and recurse (Hypervolume by Slicing
     * Objectives, While et al. 2006), which suits the few dozen points of a sampler's decision.
     */
    public static double of(List<double[]> points, double[] reference) {
        List<double[]> inside = new ArrayList<>();
        for (double[] p : points) {
            if (p.length != reference.length) {
                throw new SearchException("point " + Arrays.toString(p) + " has " + p.length
                        + " objectives, expected " + reference.length + " as the reference point");
            }
            boolean better = true;
            for (int i = 0; i < p.length; i++) {
                better &= p[i] < reference[i];
            }
            if (better) {
                inside.add(p);
            }
        }
        return volume(inside, reference, reference.length);
    }

    /** The hypervolume of {@code points}, all inside the reference, in their first {@code m} objectives. */
    private static double volume(List<double[]> points, double[] reference, int m) {
        if (points.isEmpty()) {
            return 0;
        }
        if (m == 1) {
            double best = reference[0];
            for (double[] p : points) {
                best = Math.min(best, p[0]);
            }
            return reference[0] - best;
        }
        if (m == 2) {
            List<double[]> sorted = new ArrayList<>(points);
            sorted.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
            double area = 0;
            double bestSecond = reference[1];
            for (double[] p : sorted) {
                if (p[1] < bestSecond) {
                    area += (reference[0] - p[0]) * (bestSecond - p[1]);
                    bestSecond = p[1];
                }
            }
            return area;
        }
        int last = m - 1;
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(p -> p[last]));
        double total = 0;
        for (int i = 0; i < sorted.size(); i++) {
            double next = i + 1 < sorted.size() ? sorted.get(i + 1)[last] : reference[last];
            double depth = next - sorted.get(i)[last];
            if (depth > 0) {
                total += depth * volume(sorted.subList(0, i + 1), reference, last);
            }
        }
        return total;
    }
}
