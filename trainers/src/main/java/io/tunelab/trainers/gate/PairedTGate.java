package io.tunelab.trainers.gate;

import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A one-sided paired t-test on per-example score differences (challenger minus champion), as used
 * to compare models evaluated on the same examples. With {@code n} examples, mean difference
 * {@code d} and standard deviation {@code s}, {@code t = d / (s / sqrt(n))} with {@code n - 1}
 * degrees of freedom. When every difference is equal the p-value is 0 if the challenger is better,
 * else 1.
 */
public final class PairedTGate implements PromotionGate {

    @Override
    public GateVerdict judge(double[] challenger, double[] champion, double confidence) {
        PromotionGate.checkInputs(challenger, champion, confidence);
        int n = challenger.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = challenger[i] - champion[i];
        }
        double mean = PromotionGate.mean(d);
        double ss = 0;
        for (double x : d) {
            ss += (x - mean) * (x - mean);
        }
        double p;
        double t;
        if (n < 2 || ss == 0) {
            t = mean > 0 ? Double.POSITIVE_INFINITY : mean < 0 ? Double.NEGATIVE_INFINITY : 0;
            p = mean > 0 && n >= 2 ? 0.0 : 1.0;
        } else {
            double sd = Math.sqrt(ss / (n - 1));
            t = mean / (sd / Math.sqrt(n));
            p = 1.0 - new TDistribution(null, n - 1).cumulativeProbability(t);
        }
        boolean promote = mean > 0 && p < 1 - confidence;
        String reason = String.format(Locale.ROOT,
                "paired t: mean difference %.4g over %d examples, t = %.4g, one-sided p = %.4g %s %.4g",
                mean, n, t, p, promote ? "<" : ">=", 1 - confidence);
        return new GateVerdict("paired-t", promote, p, confidence, PromotionGate.mean(challenger),
                PromotionGate.mean(champion), n, reason);
    }
}
