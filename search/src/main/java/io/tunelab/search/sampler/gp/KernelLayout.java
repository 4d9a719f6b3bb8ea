package io.tunelab.search.sampler.gp;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.SearchSpaceTransform;
import java.util.Arrays;

/**
 * Which length scale each unit-cube coordinate uses, and with what weight. A numeric parameter has
 * one coordinate and its own length scale; a categorical parameter's one-hot block shares one length
 * scale with weight ½ per coordinate, so that two points contribute {@code [a ≠ b] / ℓ²} to the scaled
 * distance whatever the two categories are (the same/different-category kernel of Optuna's GP sampler),
 * not a distance that depends on which coordinates of the block differ. Immutable.
 *
 * @param group      the parameter (length scale) of each coordinate
 * @param weight     each coordinate's weight in the squared distance
 * @param parameters number of length scales
 */
public record KernelLayout(int[] group, double[] weight, int parameters) {

    /** One length scale per coordinate, weight 1: plain ARD. */
    public static KernelLayout identity(int d) {
        int[] group = new int[d];
        for (int j = 0; j < d; j++) {
            group[j] = j;
        }
        double[] weight = new double[d];
        Arrays.fill(weight, 1);
        return new KernelLayout(group, weight, d);
    }

    /** One length scale per parameter of {@code transform}'s space. */
    public static KernelLayout of(SearchSpaceTransform transform) {
        int[] group = new int[transform.dimension()];
        double[] weight = new double[transform.dimension()];
        int p = 0;
        for (String name : transform.names()) {
            int at = transform.offset(name);
            int width = transform.space().get(name) instanceof CategoricalDistribution c ? c.choices().size() : 1;
            for (int j = at; j < at + width; j++) {
                group[j] = p;
                weight[j] = width > 1 ? 0.5 : 1;
            }
            p++;
        }
        return new KernelLayout(group, weight, p);
    }

    public int dimension() {
        return group.length;
    }
}
