package io.tunelab.search.pruner;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.EnumSet;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SortedMap;

/** Reading learning curves (intermediate values by step) the way every pruner here needs. Stateless. */
final class Curves {
    private Curves() {
    }

    /**
     * The largest last reported step over the study's COMPLETE trials, or empty if none reported a value:
     * what Optuna's automatic resources ({@code min_resource="auto"}, {@code max_resource="auto"}) start from.
     */
    static OptionalInt longestLastStep(StudyView study) {
        return study.trials(EnumSet.of(TrialState.COMPLETE)).stream()
                .filter(t -> !t.intermediateValues().isEmpty())
                .mapToInt(t -> t.intermediateValues().lastKey())
                .max();
    }

    /** The value turned into a loss (smaller is better) with NaN as the worst possible value. */
    static double loss(Direction direction, double value) {
        return Double.isNaN(value) ? Double.POSITIVE_INFINITY : direction.asLoss(value);
    }

    /** The reported step before {@code step}, or -1 if there is none. */
    static int stepBefore(FrozenTrial trial, int step) {
        SortedMap<Integer, Double> before = trial.intermediateValues().headMap(step);
        return before.isEmpty() ? -1 : before.lastKey();
    }

    /** The first reported value at or after {@code step}, or null if the trial has not got that far. */
    static Map.Entry<Integer, Double> firstAtOrAfter(FrozenTrial trial, long step) {
        if (step > Integer.MAX_VALUE) {
            return null;
        }
        SortedMap<Integer, Double> tail = trial.intermediateValues().tailMap((int) step);
        return tail.isEmpty() ? null : Map.entry(tail.firstKey(), tail.get(tail.firstKey()));
    }

    /** The best non-NaN value reported so far, or NaN if every value is NaN. */
    static double bestSoFar(FrozenTrial trial, Direction direction) {
        double best = Double.NaN;
        for (double v : trial.intermediateValues().values()) {
            if (!Double.isNaN(v) && (Double.isNaN(best) || direction.better(v, best))) {
                best = v;
            }
        }
        return best;
    }

    /** A value rounded to 4 significant digits for reasons shown to people, e.g. {@code 0.6123}. */
    static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros();
        int magnitude = rounded.precision() - rounded.scale();
        return magnitude > -4 && magnitude <= 7 ? rounded.toPlainString() : rounded.toString();
    }
}
