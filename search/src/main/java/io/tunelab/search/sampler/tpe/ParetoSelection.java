package io.tunelab.search.sampler.tpe;

import io.tunelab.search.trial.Hypervolume;
import io.tunelab.search.trial.ParetoFront;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The good group of multi-objective TPE and its weights (MOTPE: Ozaki et al. 2020, "Multiobjective tree-structured
 * Parzen estimator for computationally expensive optimization problems", GECCO; Ozaki et al. 2022, JAIR; as in
 * Optuna 3.1's TPESampler). The good observations are taken front by front of a non-dominated sorting while whole
 * fronts fit; the rest of the good group comes from the next front, chosen greedily by hypervolume contribution
 * (hypervolume subset selection; Guerreiro et al. 2016, "Greedy hypervolume subset selection in low dimensions").
 * Each good observation then weighs its exclusive hypervolume contribution within the good group, relative to the
 * largest. Hypervolumes are measured against a reference point just beyond the worst point of the set measured:
 * {@code max(1.1 w, 0.9 w)} per objective, {@value #EPS} where that is 0. Stateless.
 */
final class ParetoSelection {
    /** The smallest weight, and the reference coordinate that stands for 0. */
    static final double EPS = 1e-12;

    private ParetoSelection() {
    }

    /**
     * The indices of the {@code count} good ones of {@code losses} (loss vectors, all objectives minimised), in
     * ascending order.
     */
    static int[] good(double[][] losses, int count) {
        int[] rank = ParetoFront.firstFronts(losses, count);
        int n = losses.length;
        boolean[] chosen = new boolean[n];
        int taken = 0;
        int front = 0;
        while (taken < count) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (rank[i] == front) {
                    members.add(i);
                }
            }
            if (taken + members.size() <= count) {
                members.forEach(i -> chosen[i] = true);
                taken += members.size();
            } else {
                for (int i : greedySubset(losses, members, count - taken)) {
                    chosen[i] = true;
                }
                taken = count;
            }
            front++;
        }
        int[] out = new int[count];
        for (int i = 0, k = 0; i < n; i++) {
            if (chosen[i]) {
                out[k++] = i;
            }
        }
        return out;
    }

    /**
     * {@code size} of {@code members} (indices into {@code losses}, one front), each step adding the one whose
     * hypervolume contribution to those already taken is largest (the first of equals).
     */
    private static List<Integer> greedySubset(double[][] losses, List<Integer> members, int size) {
        List<double[]> front = new ArrayList<>();
        members.forEach(i -> front.add(losses[i]));
        double[] reference = reference(front);
        List<Integer> left = new ArrayList<>(members);
        List<Integer> taken = new ArrayList<>();
        List<double[]> takenPoints = new ArrayList<>();
        double volume = 0;
        while (taken.size() < size) {
            int best = 0;
            double bestGain = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < left.size(); k++) {
                takenPoints.add(losses[left.get(k)]);
                double gain = Hypervolume.of(takenPoints, reference) - volume;
                takenPoints.remove(takenPoints.size() - 1);
                if (gain > bestGain) {
                    best = k;
                    bestGain = gain;
                }
            }
            int index = left.remove(best);
            taken.add(index);
            takenPoints.add(losses[index]);
            volume = Hypervolume.of(takenPoints, reference);
        }
        return taken;
    }

    /**
     * One weight per vector of {@code losses} (the good group's feasible observations), in (0, 1]: its exclusive
     * hypervolume contribution to the group plus {@value #EPS}, over the largest such; 1 for a lone vector.
     */
    static double[] weights(double[][] losses) {
        int n = losses.length;
        if (n <= 1) {
            double[] one = new double[n];
            Arrays.fill(one, 1.0);
            return one;
        }
        List<double[]> all = Arrays.asList(losses);
        double[] reference = reference(all);
        double volume = Hypervolume.of(all, reference);
        double[] w = new double[n];
        double max = 0;
        for (int i = 0; i < n; i++) {
            List<double[]> others = new ArrayList<>(all);
            others.remove(i);
            w[i] = volume - Hypervolume.of(others, reference) + EPS;
            max = Math.max(max, w[i]);
        }
        for (int i = 0; i < n; i++) {
            w[i] = Math.min(1, Math.max(0, w[i] / max));
        }
        return w;
    }

    /** The reference point for {@code points}: {@code max(1.1 w, 0.9 w)} of their worst {@code w} per objective. */
    static double[] reference(List<double[]> points) {
        double[] worst = points.get(0).clone();
        for (double[] p : points) {
            for (int j = 0; j < worst.length; j++) {
                worst[j] = Math.max(worst[j], p[j]);
            }
        }
        for (int j = 0; j < worst.length; j++) {
            worst[j] = Math.max(1.1 * worst[j], 0.9 * worst[j]);
            if (worst[j] == 0) {
                worst[j] = EPS;
            }
        }
        return worst;
    }
}
