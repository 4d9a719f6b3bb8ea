package io.tunelab.trainers.tribuo;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.trainers.TrainersException;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.LabelObjective;
import org.tribuo.classification.sgd.objectives.Hinge;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.Adam;
import org.tribuo.math.optimisers.RMSProp;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.RegressionObjective;
import org.tribuo.regression.sgd.objectives.AbsoluteLoss;
import org.tribuo.regression.sgd.objectives.Huber;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * Linear models trained by stochastic gradient descent (Tribuo's {@code LinearSGDTrainer}):
 * logistic regression or a linear SVM for classification, linear regression for regression.
 * Exports to ONNX.
 *
 * <table>
 * <caption>Parameters and default ranges</caption>
 * <tr><th>name</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code loss}</td><td>classification {@code log, hinge}; regression {@code squared, huber, absolute}</td>
 *     <td>log = logistic regression, hinge = linear SVM</td></tr>
 * <tr><td>{@code optimizer}</td><td>{@code sgd, momentum, nesterov, adagrad, rmsprop, adam}</td>
 *     <td>momentum variants use 0.9; Adam uses (0.9, 0.999)</td></tr>
 * <tr><td>{@code learning_rate}</td><td>float [1e-3, 0.3] log</td><td>step size</td></tr>
 * <tr><td>{@code epochs}</td><td>int [5, 50]</td><td>passes over the training data</td></tr>
 * <tr><td>{@code l2}</td><td>float [1e-6, 0.1] log</td><td>L2 penalty, see {@link L2Regularised}</td></tr>
 * </table>
 */
public final class LinearSgdSpec extends AbstractTrainerSpec {
    private static final ParamSpace COMMON = ParamSpace.empty()
            .with("optimizer", CategoricalDistribution.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam"))
            .with("learning_rate", FloatDistribution.logUniform(1e-3, 0.3))
            .with("epochs", IntDistribution.uniform(5, 50))
            .with("l2", FloatDistribution.logUniform(1e-6, 0.1));
    private static final ParamSpace CLASSIFICATION = ParamSpace.empty()
            .with("loss", CategoricalDistribution.of("log", "hinge")).overriddenBy(COMMON);
    private static final ParamSpace REGRESSION = ParamSpace.empty()
            .with("loss", CategoricalDistribution.of("squared", "huber", "absolute")).overriddenBy(COMMON);

    private LinearSgdSpec(ParamSpace overrides) {
        super("linear_sgd", CLASSIFICATION, REGRESSION, overrides);
    }

    /** The default ranges. */
    public static LinearSgdSpec defaults() {
        return new LinearSgdSpec(ParamSpace.empty());
    }

    @Override
    TribuoTrainerSpec withOverrides(ParamSpace overrides) {
        return new LinearSgdSpec(overrides);
    }

    @Override
    Trainer<Label> classifier(Params p, long seed) {
        String loss = p.choice("loss");
        LabelObjective objective = switch (loss) {
            case "log" -> new LogMulticlass();
            case "hinge" -> new Hinge();
            default -> throw unknown("loss", loss);
        };
        return new org.tribuo.classification.sgd.linear.LinearSGDTrainer(objective, optimiser(p), p.integer("epochs"),
                -1, 1, seed);
    }

    @Override
    Trainer<Regressor> regressor(Params p, long seed) {
        String loss = p.choice("loss");
        RegressionObjective objective = switch (loss) {
            case "squared" -> new SquaredLoss();
            case "huber" -> new Huber();
            case "absolute" -> new AbsoluteLoss();
            default -> throw unknown("loss", loss);
        };
        return new org.tribuo.regression.sgd.linear.LinearSGDTrainer(objective, optimiser(p), p.integer("epochs"),
                -1, 1, seed);
    }

    private static StochasticGradientOptimiser optimiser(Params p) {
        String name = p.choice("optimizer");
        double lr = p.real("learning_rate");
        StochasticGradientOptimiser base = switch (name) {
            case "sgd" -> SGD.getSimpleSGD(lr);
            case "momentum" -> SGD.getSimpleSGD(lr, 0.9, SGD.Momentum.STANDARD);
            case "nesterov" -> SGD.getSimpleSGD(lr, 0.9, SGD.Momentum.NESTEROV);
            case "adagrad" -> new AdaGrad(lr);
            case "rmsprop" -> new RMSProp(lr, 0.9);
            case "adam" -> new Adam(lr, 0.9, 0.999, 1e-8);
            default -> throw unknown("optimizer", name);
        };
        return new L2Regularised(base, p.real("l2"));
    }

    private static TrainersException unknown(String param, String value) {
        return new TrainersException("linear_sgd parameter '" + param + "' has no choice '" + value + "'");
    }
}
