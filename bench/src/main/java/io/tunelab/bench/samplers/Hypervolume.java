package io.tunelab.bench.samplers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Exact hypervolume of two-objective point sets (both minimised). Stateless. */
public final class Hypervolume {
    private Hypervolume() {
    }

    /**
     * The area dominated by {@code points} (each {@code {f1, f2}}) and bounded by {@code reference}:
     * a sweep over the points sorted by f1, O(n log n). Points not strictly better than the reference
     * in both objectives add nothing.
     */
    public static double of2d(List<double[]> points, double[] reference) {
        List<double[]> inside = new ArrayList<>();
        for (double[] p : points) {
            if (p[0] < reference[0] && p[1] < reference[1]) {
                inside.add(p);
            }
        }
        inside.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        double area = 0;
        double bestF2 = reference[1];
        for (double[] p : inside) {
            if (p[1] < bestF2) {
                area += (reference[0] - p[0]) * (bestF2 - p[1]);
                bestF2 = p[1];
            }
        }
        return area;
    }
}
