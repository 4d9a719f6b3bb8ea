package io.tunelab.search.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import java.util.EnumSet;
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
     * Runs 35 trials of {@link #gridOfIntegers} one at a time with {@code sampler} and asserts that the 25 points are
     * all visited, each new while any was left, from trial {@code startup} on.
     */
    public static void assertGridUsedUpBeforeAnyRepeat(Sampler sampler, int startup) {
        Study study = Study.builder("grid").sampler(sampler).create();
        study.optimize(FiniteSpaces::gridOfIntegers, OptimizeOptions.trials(35).withParallelism(1));
        List<FrozenTrial> trials = study.trials(EnumSet.of(TrialState.COMPLETE));
        assertThat(trials).hasSize(35);
        assertThat(trials.stream().map(FrozenTrial::params).distinct()).hasSize(25);
        assertNewPointsWhileAnyAreLeft(trials, 25, startup);
    }

    /**
     * Runs 25 trials of {@link #gridFailingAtItsBest} one at a time with {@code sampler} and asserts that no trial
     * from {@code startup} on repeats a point, the failing one included.
     */
    public static void assertFailedPointNotProposedAgain(Sampler sampler, int startup) {
        Study study = Study.builder("fails").sampler(sampler).create();
        study.optimize(FiniteSpaces::gridFailingAtItsBest, OptimizeOptions.trials(25).withParallelism(1));
        List<FrozenTrial> trials = study.trials(EnumSet.allOf(TrialState.class));
        assertThat(trials).hasSize(25);
        assertNewPointsWhileAnyAreLeft(trials, 25, startup);
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
