package io.tunelab.trainers.tribuo;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.trainers.TrainersException;
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
 * Classification", JMLR 9, 2008). Exports to ONNX.
 *
 * <table>
 * <caption>Parameters and default ranges</caption>
 * <tr><th>name</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code c}</td><td>float [1e-3, 1e3] log</td><td>inverse regularisation strength</td></tr>
 * <tr><td>{@code solver}</td><td>classification {@code l2r_lr, l2r_l2loss_svc_dual, l1r_lr};
 *     regression {@code l2r_l2loss_svr, l2r_l2loss_svr_dual, l2r_l1loss_svr_dual}</td>
 *     <td>LIBLINEAR solver (any of Tribuo's {@code LinearType} names, lower case, may be given)</td></tr>
 * <tr><td>{@code epsilon}</td><td>float [1e-3, 1] log (regression only)</td><td>SVR insensitive-loss width</td></tr>
 * </table>
 */
public final class LibLinearSpec extends AbstractTrainerSpec {
    private static final int MAX_ITERATIONS = 1000;
    private static final double TOLERANCE = 0.01;
    private static final ParamSpace CLASSIFICATION = ParamSpace.empty()
            .with("c", FloatDistribution.logUniform(1e-3, 1e3))
            .with("solver", CategoricalDistribution.of("l2r_lr", "l2r_l2loss_svc_dual", "l1r_lr"));
    private static final ParamSpace REGRESSION = ParamSpace.empty()
            .with("c", FloatDistribution.logUniform(1e-3, 1e3))
            .with("solver", CategoricalDistribution.of("l2r_l2loss_svr", "l2r_l2loss_svr_dual", "l2r_l1loss_svr_dual"))
            .with("epsilon", FloatDistribution.logUniform(1e-3, 1));

    private LibLinearSpec(ParamSpace overrides) {
        super("liblinear", CLASSIFICATION, REGRESSION, overrides);
    }

    public static LibLinearSpec defaults() {
        return new LibLinearSpec(ParamSpace.empty());
    }

    @Override
    TribuoTrainerSpec withOverrides(ParamSpace overrides) {
        return new LibLinearSpec(overrides);
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

    private static <E extends Enum<E>> E solver(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TrainersException("liblinear parameter 'solver' has no choice '" + name + "'; expected one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }
}
