package io.tunelab.trainers.tribuo;

import static io.tunelab.trainers.params.Hyperparameter.choice;
import static io.tunelab.trainers.params.Hyperparameter.integer;
import static io.tunelab.trainers.params.Hyperparameter.real;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.params.Allowed;
import io.tunelab.trainers.params.Hyperparameters;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.common.libsvm.SVMType;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.libsvm.LibSVMRegressionTrainer;
import org.tribuo.regression.libsvm.SVMRegressionType;

/**
 * Kernel support vector machines with LIBSVM (Chang and Lin, "LIBSVM: A Library for Support Vector
 * Machines", ACM TIST 2(3), 2011): C-SVC for classification, epsilon-SVR for regression (targets
 * standardised inside). {@code gamma} is suggested only for non-linear kernels and {@code degree}
 * only for the polynomial one, so they are conditional parameters. Exports to ONNX. Loading this class
 * silences LIBSVM's progress printing to standard output (a JVM-wide LIBSVM setting). Parameters,
 * defaults (LIBSVM's own, with gamma 0.1) and built-in ranges: {@link #CLASSIFICATION},
 * {@link #REGRESSION}, shown in {@code docs/study-files.md}.
 */
public final class LibSvmSpec extends AbstractTrainerSpec {
    static {
        // LIBSVM prints its optimiser's progress to standard output unless told otherwise; that
        // output is not ours to emit (it would interleave with the command line's progress).
        libsvm.svm.svm_set_print_string_function(message -> { });
    }

    static final Hyperparameters CLASSIFICATION = Hyperparameters.of(
            real("c", 1, "penalty of margin violations").within(Allowed.POSITIVE).range(FloatDistribution.logUniform(1e-2, 1e3)),
            choice("kernel", "rbf", "kernel function: linear, rbf, poly or sigmoid")
                    .oneOf("linear", "rbf", "poly", "sigmoid")
                    .range(CategoricalDistribution.of("linear", "rbf", "poly")),
            real("gamma", 0.1, "kernel coefficient (rbf, poly, sigmoid)")
                    .within(Allowed.POSITIVE).range(FloatDistribution.logUniform(1e-4, 1)),
            integer("degree", 3, "polynomial degree (poly)").within(Allowed.AT_LEAST_ONE).range(IntDistribution.uniform(2, 4)));
    static final Hyperparameters REGRESSION = CLASSIFICATION.plus(
            real("epsilon", 0.1, "SVR insensitive-loss width").within(Allowed.NON_NEGATIVE).range(FloatDistribution.logUniform(1e-3, 1)));

    /** The parameters only some kernels read ({@link #parameters}), with those kernels. */
    private static final Map<String, ReadOnlyWhen> KERNELS_READING = Map.of(
            "gamma", new ReadOnlyWhen("kernel", List.of("rbf", "poly", "sigmoid")),
            "degree", new ReadOnlyWhen("kernel", List.of("poly")));

    private LibSvmSpec(Search search) {
        super("libsvm", CLASSIFICATION, REGRESSION, search);
    }

    /** An SVM with every parameter at its default. */
    public static LibSvmSpec defaults() {
        return new LibSvmSpec(Search.NOTHING);
    }

    /** {@code gamma} is read for the non-linear kernels, {@code degree} for {@code poly}. */
    @Override
    public Optional<ReadOnlyWhen> readOnlyWhen(String parameter) {
        return Optional.ofNullable(KERNELS_READING.get(parameter));
    }

    @Override
    TribuoTrainerSpec searching(Search search) {
        return new LibSvmSpec(search);
    }

    @Override
    Trainer<Label> classifier(Params p, long seed) {
        SVMParameters<Label> params = parameters(
                new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC), p);
        return new LibSVMClassificationTrainer(params, seed);
    }

    @Override
    Trainer<Regressor> regressor(Params p, long seed) {
        SVMParameters<Regressor> params = parameters(new SVMRegressionType(SVMRegressionType.SVMMode.EPSILON_SVR), p);
        params.setEpsilon(p.real("epsilon"));
        return new LibSVMRegressionTrainer(params, true, seed);
    }

    private static <T extends Output<T>> SVMParameters<T> parameters(SVMType<T> type, Params p) {
        double c = p.real("c");
        String kernel = p.choice("kernel");
        KernelType kernelType = switch (kernel) {
            case "linear" -> KernelType.LINEAR;
            case "rbf" -> KernelType.RBF;
            case "poly" -> KernelType.POLY;
            case "sigmoid" -> KernelType.SIGMOID;
            default -> throw new TrainersException("libsvm parameter 'kernel' has no choice '" + kernel
                    + "'; expected linear, rbf, poly or sigmoid");
        };
        SVMParameters<T> params = new SVMParameters<>(type, kernelType);
        // Tribuo's setCost warns that cost is unused for anything but C-SVC, yet epsilon-SVR uses C too.
        params.getParameters().C = c;
        if (kernelType != KernelType.LINEAR) {
            params.setGamma(p.real("gamma"));
        }
        if (kernelType == KernelType.POLY) {
            params.setDegree(p.integer("degree"));
        }
        return params;
    }
}
