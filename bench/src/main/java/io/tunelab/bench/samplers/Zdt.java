package io.tunelab.bench.samplers;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.Trial;
import java.util.List;

/**
 * ZDT1 or ZDT2 (Zitzler, Deb and Thiele 2000) with 30 variables in [0, 1]; two objectives, both
 * minimised. The true front's hypervolume from (1, 1) is 2/3 (ZDT1) or 1/3 (ZDT2). Immutable.
 *
 * @param second false for ZDT1, true for ZDT2
 * @param trials trials per run by default
 */
public record Zdt(boolean second, int trials) implements BenchProblem {
    public static final int VARIABLES = 30;

    @Override
    public String name() {
        return second ? "zdt2" : "zdt1";
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
        return second ? 1.0 / 3 : 2.0 / 3;
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
