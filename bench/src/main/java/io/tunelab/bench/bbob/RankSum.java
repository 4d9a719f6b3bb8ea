package io.tunelab.bench.bbob;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The one-sided Mann–Whitney rank-sum test, as used to say whether one sampler's regrets are worse than
 * another's: midranks for ties, the normal approximation with tie correction and a continuity
 * correction (adequate from about 5 values a side; the benchmark's comparisons have 10 or more).
 * Stateless.
 */
public final class RankSum {
    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private RankSum() {
    }

    /**
     * Whether samples of {@code n1} and {@code n2} values can reach a p-value below {@code alpha} at all: their most
     * extreme outcome (every value of one side above every value of the other) does. With 1 or 2 values a side it
     * never does at 0.05, so a count of functions "not significantly worse" would count every function.
     */
    public static boolean canReach(int n1, int n2, double alpha) {
        List<Double> high = new ArrayList<>(n1);
        List<Double> low = new ArrayList<>(n2);
        for (int i = 0; i < n1; i++) {
            high.add((double) (n2 + i));
        }
        for (int j = 0; j < n2; j++) {
            low.add((double) j);
        }
        return pGreater(high, low) < alpha;
    }

    /**
     * The p-value of the hypothesis that values of {@code a} tend to be greater than values of {@code b}
     * (small: {@code a} is stochastically greater). 1 when either side is empty or every value is tied.
     */
    public static double pGreater(List<Double> a, List<Double> b) {
        int n1 = a.size();
        int n2 = b.size();
        if (n1 == 0 || n2 == 0) {
            return 1;
        }
        double[] all = new double[n1 + n2];
        for (int i = 0; i < n1; i++) {
            all[i] = a.get(i);
        }
        for (int j = 0; j < n2; j++) {
            all[n1 + j] = b.get(j);
        }
        double rankSumA = 0;
        double tieTerm = 0;
        for (int i = 0; i < all.length; i++) {
            int less = 0;
            int equal = 0;
            for (double v : all) {
                if (v < all[i]) {
                    less++;
                } else if (v == all[i]) {
                    equal++;
                }
            }
            if (i < n1) {
                rankSumA += less + (equal + 1) / 2.0;
            }
            tieTerm += equal * (double) equal - 1;
        }
        double u = rankSumA - n1 * (n1 + 1) / 2.0;
        double n = n1 + n2;
        double variance = n1 * (double) n2 / 12.0 * ((n + 1) - tieTerm / (n * (n - 1)));
        if (variance <= 0) {
            return 1;
        }
        double z = (u - n1 * (double) n2 / 2.0 - 0.5) / Math.sqrt(variance);
        return 1 - NORMAL.cumulativeProbability(z);
    }
}
