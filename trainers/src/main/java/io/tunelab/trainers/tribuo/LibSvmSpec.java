package io.tunelab.trainers.tribuo;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.trainers.TrainersException;
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
 * silences LIBSVM's progress printing to standard output (a JVM-wide LIBSVM setting).
 *
 * <table>
 * <caption>Parameters and default ranges</caption>
 * <tr><th>name</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code c}</td><td>float [1e-2, 1e3] log</td><td>penalty of margin violations</td></tr>
 * <tr><td>{@code kernel}</td><td>{@code linear, rbf, poly}</td><td>kernel function ({@code sigmoid} also accepted)</td></tr>
 * <tr><td>{@code gamma}</td><td>float [1e-4, 1] log</td><td>kernel coefficient (rbf, poly, sigmoid)</td></tr>
 * <tr><td>{@code degree}</td><td>int [2, 4]</td><td>polynomial degree (poly)</td></tr>
 * <tr><td>{@code epsilon}</td><td>float [1e-3, 1] log (regression only)</td><td>SVR insensitive-loss width</td></tr>
 * </table>
 */
public final class LibSvmSpec extends AbstractTrainerSpec {
    static {
        // LIBSVM prints its optimiser's progress to standard output unless told otherwise; that
        // output is not ours to emit (it would interleave with the command line's progress).
        libsvm.svm.svm_set_print_string_function(message -> { });
    }

    private static final ParamSpace CLASSIFICATION = ParamSpace.empty()
            .with("c", FloatDistribution.logUniform(1e-2, 1e3))
            .with("kernel", CategoricalDistribution.of("linear", "rbf", "poly"))
            .with("gamma", FloatDistribution.logUniform(1e-4, 1))
            .with("degree", IntDistribution.uniform(2, 4));
    private static final ParamSpace REGRESSION = CLASSIFICATION
            .with("epsilon", FloatDistribution.logUniform(1e-3, 1));

    private LibSvmSpec(ParamSpace overrides) {
        super("libsvm", CLASSIFICATION, REGRESSION, overrides);
    }

    public static LibSvmSpec defaults() {
        return new LibSvmSpec(ParamSpace.empty());
    }

    @Override
    TribuoTrainerSpec withOverrides(ParamSpace overrides) {
        return new LibSvmSpec(overrides);
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
