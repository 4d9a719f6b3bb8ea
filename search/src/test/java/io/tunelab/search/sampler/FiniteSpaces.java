package io.tunelab.search.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Trial;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Objectives over spaces of finitely many values, and the check that a sampler keeps off points it has. */
public final class FiniteSpaces {
    private FiniteSpaces() {
    }

    /** A bowl with a ripple on a 5 × 5 grid of integers {@code a, b} in [0, 4]: 25 points. */
    public static double gridOfIntegers(Trial t) {
        int a = t.suggestInt("a", 0, 4);
        int b = t.suggestInt("b", 0, 4);
        return (a - 2) * (a - 2) + (b - 3) * (b - 3) + 0.3 * Math.sin(7 * a * b);
    }

    /** {@link #gridOfIntegers}, except that its best point (2, 3) throws, as a trainer fails for some settings. */
    public static double gridFailingAtItsBest(Trial t) {
        double v = gridOfIntegers(t);
        if (t.params().equals(Map.of("a", 2, "b", 3))) {
            throw new IllegalStateException("this setting always fails");
        }
        return v;
    }

    /**
     * Asserts that every trial numbered {@code startup} or more holds parameters no earlier trial held, as long
     * as fewer than {@code points} (the size of the space) had been seen before it.
     */
    public static void assertNewPointsWhileAnyAreLeft(List<FrozenTrial> trials, int points, int startup) {
        Set<Map<String, Object>> seen = new HashSet<>();
        for (FrozenTrial t : trials) {
            boolean pointsLeft = seen.size() < points;
            boolean fresh = seen.add(t.params());
            if (t.number() >= startup && pointsLeft) {
                assertThat(fresh).as("trial %d %s while points were left", t.number(), t.params()).isTrue();
            }
        }
    }
}
