package io.tunelab.trainers.tribuo;

import static io.tunelab.trainers.params.Hyperparameter.choice;
import static io.tunelab.trainers.params.Hyperparameter.integer;
import static io.tunelab.trainers.params.Hyperparameter.real;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.params.Allowed;
import io.tunelab.trainers.params.Hyperparameter;
import io.tunelab.trainers.params.Hyperparameters;
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
 * Exports to ONNX. Parameters, defaults and built-in ranges: {@link #CLASSIFICATION},
 * {@link #REGRESSION}, shown in {@code docs/study-files.md}.
 */
public final class LinearSgdSpec extends AbstractTrainerSpec {
    private static final Hyperparameter[] COMMON = {
            choice("optimizer", "adam", "sgd, momentum, nesterov, adagrad, rmsprop or adam; momentum variants use 0.9,"
                    + " Adam (0.9, 0.999)")
                    .oneOf("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")
                    .range(CategoricalDistribution.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adam")),
            real("learning_rate", 0.01, "step size").within(Allowed.POSITIVE).range(FloatDistribution.logUniform(1e-3, 0.3)),
            integer("epochs", 20, "passes over the training data").within(Allowed.AT_LEAST_ONE).range(IntDistribution.uniform(5, 50)),
            real("l2", 1e-4, "L2 penalty (not on the bias)").within(Allowed.NON_NEGATIVE).range(FloatDistribution.logUniform(1e-6, 0.1))};
    static final Hyperparameters CLASSIFICATION = catalogue(choice("loss", "log",
            "log: logistic regression, hinge: linear SVM").oneOf("log", "hinge")
            .range(CategoricalDistribution.of("log", "hinge")));
    static final Hyperparameters REGRESSION = catalogue(choice("loss", "squared", "squared, huber or absolute error")
            .oneOf("squared", "huber", "absolute")
            .range(CategoricalDistribution.of("squared", "huber", "absolute")));

    private LinearSgdSpec(Search search) {
        super("linear_sgd", CLASSIFICATION, REGRESSION, search);
    }

    /** A linear model with every parameter at its default. */
    public static LinearSgdSpec defaults() {
        return new LinearSgdSpec(Search.NOTHING);
    }

    @Override
    TribuoTrainerSpec searching(Search search) {
        return new LinearSgdSpec(search);
    }

    private static Hyperparameters catalogue(Hyperparameter loss) {
        return Hyperparameters.of(loss).plus(COMMON);
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
