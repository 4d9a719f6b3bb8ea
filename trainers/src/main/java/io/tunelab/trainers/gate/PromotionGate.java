package io.tunelab.trainers.gate;

import java.util.Locale;

/**
 * Compares a challenger with the current holder of an alias on the same held-out examples. Scores
 * are per example, paired by index, higher is better (1/0 for a correct/incorrect classification,
 * minus the squared error for a regression). Implementations are stateless and thread-safe.
 */
public interface PromotionGate {

    /** Judges whether {@code challenger} beats {@code champion} at {@code confidence} (in (0, 1)). */
    GateVerdict judge(double[] challenger, double[] champion, double confidence);

    /** The gate named {@code mcnemar} or {@code paired-t}. */
    static PromotionGate named(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "mcnemar":
                return new McNemarGate();
            case "paired-t":
            case "t":
                return new PairedTGate();
            default:
                throw new GateException("gate must be 'mcnemar' or 'paired-t', got '" + name + "'");
        }
    }

    /** Checks that both score arrays are non-empty, paired and finite, and that the confidence is in (0, 1). */
    static void checkInputs(double[] challenger, double[] champion, double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new GateException("confidence must be between 0 and 1 (exclusive), got " + confidence);
        }
        if (challenger.length == 0 || challenger.length != champion.length) {
            throw new GateException("the gate needs the same non-zero number of examples for both models, got "
                    + challenger.length + " and " + champion.length);
        }
        for (int i = 0; i < challenger.length; i++) {
            if (!Double.isFinite(challenger[i]) || !Double.isFinite(champion[i])) {
                throw new GateException("scores must be finite, got " + challenger[i] + " and " + champion[i]
                        + " at example " + i);
            }
        }
    }

    /** The arithmetic mean. */
    static double mean(double[] xs) {
        double s = 0;
        for (double x : xs) {
            s += x;
        }
        return s / xs.length;
    }
}
