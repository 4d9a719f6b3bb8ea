package io.tunelab.dashboard.analysis;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What the parallel coordinates and slice plots draw of a large study: at most {@code cap} of its COMPLETE
 * trials with a finite value of one objective, deterministically chosen as the best tenth of the cap by
 * value, then trials evenly spaced through the rest in value order (stratified by value, so every range
 * of the objective keeps its share), returned in trial-number order; with the range of each numeric
 * parameter and of the value over every such trial, so axes drawn from the sample span the whole study
 * and a brushed interval means the same whatever is drawn. Given a brushed selection, the sample always
 * includes it: every brushed trial when they fit in half the cap (or in what the others leave), else that many
 * of them chosen the same way among the brushed; the others fill the rest. Stateless.
 */
public final class StratifiedSample {
    /**
     * @param trials  the drawn trials, by number
     * @param counted how many trials qualified (COMPLETE with a finite value of the objective)
     * @param ranges  {@code [min, max]} of each numeric parameter over the counted trials, and of {@code value}
     * @param brushed how many of the counted trials are brushed (0 without a brush)
     * @param drawnBrushed how many of the drawn trials are brushed
     */
    public record Result(List<FrozenTrial> trials, int counted, Map<String, double[]> ranges, int brushed, int drawnBrushed) {
    }

    /** The key of the value's range in {@link Result#ranges}. */
    public static final String VALUE = "value";

    private StratifiedSample() {
    }

    /** At most {@code cap} (at least 1) of {@code trials}; see the class comment. */
    public static Result of(List<FrozenTrial> trials, int objective, Direction direction, int cap) {
        return of(trials, objective, direction, cap, t -> false);
    }

    /** At most {@code cap} (at least 1) of {@code trials}, including those {@code brushed} selects; see the class comment. */
    public static Result of(List<FrozenTrial> trials, int objective, Direction direction, int cap, Predicate<FrozenTrial> brushed) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be at least 1, got " + cap);
        }
        List<FrozenTrial> counted = new ArrayList<>();
        Map<String, double[]> params = new LinkedHashMap<>();
        double[] value = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (FrozenTrial t : trials) {
            if (t.state() != TrialState.COMPLETE || t.values().size() <= objective || !Double.isFinite(t.values().get(objective))) {
                continue;
            }
            counted.add(t);
            widen(value, t.values().get(objective));
            t.params().forEach((name, v) -> {
                if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
                    widen(params.computeIfAbsent(name, k -> new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}),
                            n.doubleValue());
                }
            });
        }
        Map<String, double[]> ranges = new LinkedHashMap<>(params);
        if (!counted.isEmpty()) {
            ranges.put(VALUE, value);
        }
        List<FrozenTrial> in = new ArrayList<>();
        List<FrozenTrial> out = new ArrayList<>();
        for (FrozenTrial t : counted) {
            (brushed.test(t) ? in : out).add(t);
        }
        int forBrushed = Math.min(in.size(), Math.max(cap - out.size(), (cap + 1) / 2));
        List<FrozenTrial> drawn = new ArrayList<>(choose(in, objective, direction, forBrushed));
        drawn.addAll(choose(out, objective, direction, cap - drawn.size()));
        drawn.sort(Comparator.comparingInt(FrozenTrial::number));
        return new Result(drawn, counted.size(), ranges, in.size(), forBrushed);
    }

    private static List<FrozenTrial> choose(List<FrozenTrial> counted, int objective, Direction direction, int cap) {
        if (counted.size() <= cap) {
            return counted;
        }
        if (cap == 0) {
            return List.of();
        }
        Comparator<FrozenTrial> byValue = Comparator.comparingDouble(t -> t.values().get(objective));
        List<FrozenTrial> sorted = new ArrayList<>(counted);
        sorted.sort(direction == Direction.MAXIMIZE ? byValue.reversed() : byValue);
        int best = cap / 10;
        int rest = sorted.size() - best;
        int want = cap - best;
        List<FrozenTrial> out = new ArrayList<>(sorted.subList(0, best));
        for (int i = 0; i < want; i++) {
            out.add(sorted.get(best + (int) ((long) i * rest / want)));
        }
        return out;
    }

    private static void widen(double[] range, double v) {
        range[0] = Math.min(range[0], v);
        range[1] = Math.max(range[1], v);
    }
}
