package io.tunelab.trainers.gate;

import java.util.Locale;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * McNemar's test on paired correct/incorrect outcomes (McNemar 1947; Dietterich 1998 recommends it
 * for comparing two classifiers on one test set). Only the discordant pairs matter: {@code b}
 * examples the challenger gets right and the champion wrong, {@code c} the other way round. The
 * one-sided exact p-value is {@code P(X >= b)} for {@code X ~ Binomial(b + c, 1/2)}.
 */
public final class McNemarGate implements PromotionGate {

    @Override
    public GateVerdict judge(double[] challenger, double[] champion, double confidence) {
        PromotionGate.checkInputs(challenger, champion, confidence);
        int b = 0;
        int c = 0;
        for (int i = 0; i < challenger.length; i++) {
            boolean x = correct(challenger[i], i);
            boolean y = correct(champion[i], i);
            if (x && !y) {
                b++;
            } else if (!x && y) {
                c++;
            }
        }
        int n = b + c;
        double p = n == 0 ? 1.0 : 1.0 - new BinomialDistribution(null, n, 0.5).cumulativeProbability(b - 1);
        boolean promote = b > c && p < 1 - confidence;
        String reason = String.format(Locale.ROOT,
                "McNemar: challenger right where champion wrong on %d examples, the reverse on %d; "
                        + "one-sided p = %.4g %s %.4g", b, c, p, promote ? "<" : ">=", 1 - confidence);
        return new GateVerdict("mcnemar", promote, p, confidence, PromotionGate.mean(challenger),
                PromotionGate.mean(champion), challenger.length, reason);
    }

    private static boolean correct(double score, int index) {
        if (score != 0 && score != 1) {
            throw new GateException("McNemar needs 0/1 scores (incorrect/correct), got " + score + " at example "
                    + index + "; use paired-t for continuous scores");
        }
        return score == 1;
    }
}
