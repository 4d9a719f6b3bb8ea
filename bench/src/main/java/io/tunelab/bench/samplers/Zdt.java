package io.tunelab.bench.samplers;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.Trial;
import java.util.List;

/**
 * ZDT1 or ZDT2 (Zitzler, Deb and Thiele 2000) with 30 variables in [0, 1]; two objectives, both
 * minimised. The true front's hypervolume from (1, 1) is 2/3 (ZDT1) or 1/3 (ZDT2). From (1, 1) a run of a few hundred
 * trials measures nothing (no sampler gets g near 1 that soon, so every run scores 0); the {@code wide} variants
 * ({@code zdt1_wide}, {@code zdt2_wide}) measure from (1.1, 11), beyond every point (f2 is at most g, at most 10), where
 * the true front's hypervolume is 1.1 x 11 minus the area under the front: 11.7667 (ZDT1) or 11.4333 (ZDT2).
 * Immutable.
 *
 * @param second false for ZDT1, true for ZDT2
 * @param trials trials per run by default
 * @param wide   whether the hypervolume is measured from (1.1, 11) rather than (1, 1)
 */
public record Zdt(boolean second, int trials, boolean wide) implements BenchProblem {
    public static final int VARIABLES = 30;

    /** Measured from (1, 1). */
    public Zdt(boolean second, int trials) {
        this(second, trials, false);
    }

    @Override
    public String name() {
        return (second ? "zdt2" : "zdt1") + (wide ? "_wide" : "");
    }

    @Override
    public double[] referencePoint() {
        return wide ? new double[] {1.1, 11} : new double[] {1, 1};
    }

    @Override
    public int defaultTrials() {
        return trials;
    }

    @Override
    public List<Direction> directions() {
        return List.of(Direction.MINIMIZE, Direction.MINIMIZE);
    }

    @Override
    public double optimum() {
        double underFront = second ? 2.0 / 3 : 1.0 / 3; // the integral of 1 - f1^2 or 1 - sqrt(f1) over [0, 1]
        return wide ? 1.1 * 11 - underFront : 1 - underFront;
    }

    @Override
    public double[] evaluate(Trial trial) {
        double[] x = new double[VARIABLES];
        for (int i = 0; i < VARIABLES; i++) {
            x[i] = trial.suggestFloat("x" + i, 0, 1);
        }
        return TestFunctions.zdt(x, second);
    }
}
