package io.tunelab.trainers.tribuo;

import static io.tunelab.trainers.params.Hyperparameter.choice;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.params.Hyperparameters;
import io.tunelab.trainers.tabular.Task;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.regression.Regressor;

/**
 * Regularised logistic regression, solved by LIBLINEAR (Tribuo's {@code LibLinearClassificationTrainer}
 * with the {@code L2R_LR} or {@code L1R_LR} solver; one-vs-rest for more than two classes). A classifier
 * only: {@link #supports} is false for regression. Exports to ONNX. Parameters, defaults and built-in
 * ranges: {@link #CLASSIFICATION}, shown in {@code docs/study-files.md}.
 */
public final class LogisticSpec extends AbstractTrainerSpec {
    static final Hyperparameters CLASSIFICATION = Hyperparameters.of(
            LibLinearSpec.cost(),
            choice("penalty", "l2", "l2: ridge (dense weights), l1: lasso (sparse weights)").oneOf("l2", "l1")
                    .range(CategoricalDistribution.of("l2", "l1")));

    private LogisticSpec(Search search) {
        super("logistic", CLASSIFICATION, Hyperparameters.of(), search);
    }

    /** Logistic regression with every parameter at its default. */
    public static LogisticSpec defaults() {
        return new LogisticSpec(Search.NOTHING);
    }

    @Override
    TribuoTrainerSpec searching(Search search) {
        return new LogisticSpec(search);
    }

    @Override
    public boolean supports(Task task) {
        return task == Task.CLASSIFICATION;
    }

    @Override
    Trainer<Label> classifier(Params p, long seed) {
        String penalty = p.choice("penalty");
        LinearClassificationType.LinearType type = switch (penalty) {
            case "l2" -> LinearClassificationType.LinearType.L2R_LR;
            case "l1" -> LinearClassificationType.LinearType.L1R_LR;
            default -> throw new TrainersException("logistic parameter 'penalty' has no choice '" + penalty
                    + "'; expected l2 or l1");
        };
        return new LibLinearClassificationTrainer(new LinearClassificationType(type), p.real("c"),
                LibLinearSpec.MAX_ITERATIONS, LibLinearSpec.TOLERANCE, seed);
    }

    @Override
    Trainer<Regressor> regressor(Params p, long seed) {
        throw new TrainersException("logistic regression is a classifier; for regression use linear_sgd, liblinear,"
                + " libsvm, cart, random_forest or xgboost");
    }
}
