package io.tunelab.trainers.tribuo;

import static io.tunelab.trainers.params.Hyperparameter.choice;
import static io.tunelab.trainers.params.Hyperparameter.real;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.params.Hyperparameter;
import io.tunelab.trainers.params.Allowed;
import io.tunelab.trainers.params.Hyperparameters;
import java.util.Arrays;
import java.util.Locale;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.liblinear.LibLinearRegressionTrainer;
import org.tribuo.regression.liblinear.LinearRegressionType;

/**
 * Linear models solved exactly by LIBLINEAR (Fan et al., "LIBLINEAR: A Library for Large Linear
 * Classification", JMLR 9, 2008). Exports to ONNX. Parameters, defaults (Tribuo's own) and built-in
 * ranges: {@link #CLASSIFICATION}, {@link #REGRESSION}, shown in {@code docs/study-files.md}.
 */
public final class LibLinearSpec extends AbstractTrainerSpec {
    static final int MAX_ITERATIONS = 1000;
    static final double TOLERANCE = 0.01;
    private static final String SOLVER = "LIBLINEAR solver (any of Tribuo's LinearType names, lower case)";
    static final Hyperparameters CLASSIFICATION = Hyperparameters.of(
            cost(),
            choice("solver", "l2r_l2loss_svc_dual", SOLVER).within(solvers(LinearClassificationType.LinearType.class))
                    .range(CategoricalDistribution.of("l2r_lr", "l2r_l2loss_svc_dual", "l1r_lr")));
    static final Hyperparameters REGRESSION = Hyperparameters.of(
            cost(),
            choice("solver", "l2r_l2loss_svr", SOLVER).within(solvers(LinearRegressionType.LinearType.class))
                    .range(CategoricalDistribution.of("l2r_l2loss_svr", "l2r_l2loss_svr_dual", "l2r_l1loss_svr_dual")),
            real("epsilon", 0.1, "SVR insensitive-loss width").within(Allowed.NON_NEGATIVE).range(FloatDistribution.logUniform(1e-3, 1)));

    private LibLinearSpec(Search search) {
        super("liblinear", CLASSIFICATION, REGRESSION, search);
    }

    /** LIBLINEAR with every parameter at its default. */
    public static LibLinearSpec defaults() {
        return new LibLinearSpec(Search.NOTHING);
    }

    @Override
    TribuoTrainerSpec searching(Search search) {
        return new LibLinearSpec(search);
    }

    static Hyperparameter cost() {
        return real("c", 1, "inverse regularisation strength").within(Allowed.POSITIVE).range(FloatDistribution.logUniform(1e-3, 1e3));
    }

    @Override
    Trainer<Label> classifier(Params p, long seed) {
        LinearClassificationType.LinearType type = solver(LinearClassificationType.LinearType.class, p.choice("solver"));
        return new LibLinearClassificationTrainer(new LinearClassificationType(type), p.real("c"), MAX_ITERATIONS,
                TOLERANCE, seed);
    }

    @Override
    Trainer<Regressor> regressor(Params p, long seed) {
        LinearRegressionType.LinearType type = solver(LinearRegressionType.LinearType.class, p.choice("solver"));
        return new LibLinearRegressionTrainer(new LinearRegressionType(type), p.real("c"), MAX_ITERATIONS, TOLERANCE,
                p.real("epsilon"), seed);
    }

    /** Tribuo's solver names of {@code type}, lower case, as study files give them. */
    private static <E extends Enum<E>> Allowed solvers(Class<E> type) {
        return new Allowed.Choices(Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
    }

    private static <E extends Enum<E>> E solver(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TrainersException("liblinear parameter 'solver' has no choice '" + name + "'; expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }
}
