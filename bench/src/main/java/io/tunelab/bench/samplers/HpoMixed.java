package io.tunelab.bench.samplers;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.RangeOptions;
import io.tunelab.search.trial.Trial;
import java.util.List;

/**
 * {@code hpo_mixed}: a deterministic surrogate of a validation loss over a log float, an int, a log
 * int, a categorical and a float, with its unique minimum 0.1 away from the centre of the box
 * (adam, lr = 10^-2.5, 4 layers, 512 units, dropout 0.1). Immutable.
 */
public final class HpoMixed implements BenchProblem {
    private static final List<String> OPTIMIZERS = List.of("sgd", "momentum", "adam", "rmsprop");
    private static final double[] BEST_LOG_LR = {-1.5, -2.0, -2.5, -3.0};
    private static final double[] PENALTY = {0.08, 0.04, 0.0, 0.02};

    @Override
    public String name() {
        return "hpo_mixed";
    }

    @Override
    public int defaultTrials() {
        return 100;
    }

    @Override
    public List<Direction> directions() {
        return List.of(Direction.MINIMIZE);
    }

    @Override
    public double optimum() {
        return 0.1;
    }

    @Override
    public double[] evaluate(Trial trial) {
        double lr = trial.suggestFloat("lr", 1e-5, 1e-1, RangeOptions.log());
        int layers = trial.suggestInt("n_layers", 1, 5);
        int units = trial.suggestInt("n_units", 16, 1024, RangeOptions.log());
        String optimizer = trial.suggestCategorical("optimizer", OPTIMIZERS);
        double dropout = trial.suggestFloat("dropout", 0.0, 0.5);
        return new double[] {value(lr, layers, units, optimizer, dropout)};
    }

    /** The surrogate loss. */
    public static double value(double lr, int layers, int units, String optimizer, double dropout) {
        int o = OPTIMIZERS.indexOf(optimizer);
        double u = Math.log10(lr) - BEST_LOG_LR[o];
        double v = layers - 4;
        double z = Math.log(units) / Math.log(2) - 9;
        double w = dropout - 0.1;
        return 0.1 + PENALTY[o] + 0.5 * u * u + 0.1 * u * v + 0.05 * v * v + 0.02 * z * z + 0.1 * w * z + 2.0 * w * w;
    }
}
