package io.tunelab.search.sampler.gp;

import io.tunelab.search.sampler.KnownPoints;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.SearchSpaceTransform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Maximises an {@link Acquisition} over the unit cube of a {@link SearchSpaceTransform}: scores many
 * random points plus perturbations of the best observations, refines the best few with projected
 * L-BFGS over the numeric coordinates, then tries every choice of each categorical (kept one-hot
 * throughout). The numeric coordinates stay inside a {@link TrustRegion}: the whole cube for a global step, the
 * box around the best observations for a local one. The point returned repeats no {@link KnownPoints known point}
 * unless every refined point and candidate does (a finite space used up): it is the best-scoring non-repeat.
 * Stateless.
 */
final class AcquisitionOptimizer {
    private static final int PERTURBED_PER_INCUMBENT = 40;
    private static final double PERTURBATION = 0.05;
    private static final int REFINE_ITERATIONS = 40;

    private AcquisitionOptimizer() {
    }

    /** The best point found in the whole cube; {@code incumbents} are observed points (unit cube), best first. */
    static double[] maximize(Acquisition acquisition, SearchSpaceTransform transform, List<double[]> incumbents,
                             GpOptions options, SplittableRandom random) {
        return maximize(acquisition, transform, incumbents, options, TrustRegion.whole(transform.dimension()),
                KnownPoints.none(), random);
    }

    /**
     * The best point found in {@code region} that is not one of the {@code known} points (or, when every point
     * scored is one, the best of them); {@code incumbents} are observed points (unit cube), best first.
     */
    static double[] maximize(Acquisition acquisition, SearchSpaceTransform transform, List<double[]> incumbents,
                             GpOptions options, TrustRegion region, KnownPoints known, SplittableRandom random) {
        int d = transform.dimension();
        boolean[] numeric = numericCoordinates(transform);
        List<int[]> blocks = new ArrayList<>();
        for (String name : transform.names()) {
            if (transform.space().get(name) instanceof CategoricalDistribution c) {
                blocks.add(new int[] {transform.offset(name), c.choices().size()});
            }
        }
        List<double[]> candidates = new ArrayList<>();
        for (int i = 0; i < options.randomCandidates(); i++) {
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                x[j] = numeric[j] ? region.draw(j, random.nextDouble()) : 0;
            }
            for (int[] b : blocks) {
                x[b[0] + random.nextInt(b[1])] = 1;
            }
            candidates.add(x);
        }
        for (double[] inc : incumbents) {
            for (int i = 0; i < PERTURBED_PER_INCUMBENT; i++) {
                double[] x = inc.clone();
                for (int j = 0; j < d; j++) {
                    if (numeric[j]) {
                        x[j] = region.clip(j, x[j] + PERTURBATION * random.nextGaussian());
                    }
                }
                candidates.add(x);
            }
        }
        double[] scores = new double[candidates.size()];
        Integer[] order = new Integer[candidates.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = acquisition.value(candidates.get(i));
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> -scores[i]));
        double[] best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        if (!isKnown(known, transform, candidates.get(order[0]))) {
            best = candidates.get(order[0]);
            bestValue = scores[order[0]];
        }
        for (int k = 0; k < Math.min(options.localStarts(), order.length); k++) {
            double[] start = candidates.get(order[k]);
            double[] x = refine(acquisition, start, numeric, region);
            x = bestCategories(acquisition, x, blocks);
            double v = acquisition.value(x);
            if ((best == null || v > bestValue) && !isKnown(known, transform, x)) {
                best = x;
                bestValue = v;
            }
        }
        return best != null ? best : bestUnknownCandidate(candidates, order, known, transform);
    }

    /** The best-scoring candidate that is not a known point, or the best one when all are known. */
    private static double[] bestUnknownCandidate(List<double[]> candidates, Integer[] order, KnownPoints known,
                                                 SearchSpaceTransform transform) {
        for (int i : order) {
            if (!isKnown(known, transform, candidates.get(i))) {
                return candidates.get(i);
            }
        }
        return candidates.get(order[0]);
    }

    /** Whether {@code x} (unit cube) decodes to the parameters of a known point. */
    private static boolean isKnown(KnownPoints known, SearchSpaceTransform transform, double[] x) {
        return !known.isEmpty() && known.contains(transform.fromUnit(x));
    }

    /** Which coordinates of {@code transform}'s unit cube are numeric (the others: one-hot categoricals). */
    static boolean[] numericCoordinates(SearchSpaceTransform transform) {
        boolean[] numeric = new boolean[transform.dimension()];
        for (String name : transform.names()) {
            if (!(transform.space().get(name) instanceof CategoricalDistribution)) {
                numeric[transform.offset(name)] = true;
            }
        }
        return numeric;
    }

    private static double[] refine(Acquisition acquisition, double[] start, boolean[] numeric, TrustRegion region) {
        int d = start.length;
        double[] lower = new double[d];
        double[] upper = new double[d];
        for (int j = 0; j < d; j++) {
            lower[j] = numeric[j] ? region.lower()[j] : start[j];
            upper[j] = numeric[j] ? region.upper()[j] : start[j];
        }
        return BoxLbfgs.maximize(acquisition::value, start, lower, upper, REFINE_ITERATIONS, 1e-9).x();
    }

    private static double[] bestCategories(Acquisition acquisition, double[] x, List<int[]> blocks) {
        double[] best = x;
        double bestValue = acquisition.value(x);
        for (int[] b : blocks) {
            for (int k = 0; k < b[1]; k++) {
                double[] y = best.clone();
                Arrays.fill(y, b[0], b[0] + b[1], 0);
                y[b[0] + k] = 1;
                double v = acquisition.value(y);
                if (v > bestValue) {
                    best = y;
                    bestValue = v;
                }
            }
        }
        return best;
    }
}
