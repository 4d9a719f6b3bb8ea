package io.tunelab.trainers.djl;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A multilayer perceptron: the input is flattened, then each hidden layer is dense → (batch norm) →
 * activation → (dropout), or with {@code batchNormAfterActivation} dense → activation → batch norm →
 * (dropout), then a dense output layer producing logits (or a regressor's values). With {@code wideAndDeep} the
 * flattened input is also concatenated with the last hidden layer before the output layer (Cheng et
 * al. 2016, "Wide &amp; Deep Learning for Recommender Systems"; the book's functional-API example).
 * With batch norm the hidden dense layers have no bias, since the normalisation's offset replaces it.
 *
 * @param inputShape  dimensions of one example, flattened by the network
 * @param hiddenUnits units of each hidden layer, input side first; empty for softmax regression
 * @param activation  hidden-layer activation
 * @param initializer weight initialisation (biases start at zero)
 * @param batchNorm   whether each hidden layer is batch-normalised (Ioffe and Szegedy 2015)
 * @param dropout     dropout rate after each hidden activation (Srivastava et al. 2014), 0 for none
 * @param wideAndDeep whether the input skips to the output layer
 * @param outputs     number of classes, or of values predicted
 * @param batchNormAfterActivation whether batch norm follows the activation rather than precedes it
 * @param alphaDropout whether dropout is alpha dropout (Klambauer et al. 2017, for {@code selu} networks)
 * @param regularization L1/L2 penalties and max-norm constraint of the dense weights; null for none
 */
public record MlpArchitecture(List<Integer> inputShape, List<Integer> hiddenUnits, ActivationKind activation,
                              WeightInit initializer, boolean batchNorm, double dropout, boolean wideAndDeep,
                              int outputs, boolean batchNormAfterActivation, boolean alphaDropout,
                              Regularization regularization) implements Architecture {
    /** An MLP with batch norm before the activation, standard dropout and no weight regularisation. */
    public MlpArchitecture(List<Integer> inputShape, List<Integer> hiddenUnits, ActivationKind activation,
                           WeightInit initializer, boolean batchNorm, double dropout, boolean wideAndDeep, int outputs) {
        this(inputShape, hiddenUnits, activation, initializer, batchNorm, dropout, wideAndDeep, outputs, false, false,
                Regularization.NONE);
    }

    public MlpArchitecture {
        regularization = regularization == null ? Regularization.NONE : regularization;
        inputShape = ArchitectureChecks.shape("input shape", inputShape);
        hiddenUnits = List.copyOf(ArchitectureChecks.required("hidden units", hiddenUnits));
        hiddenUnits.forEach(u -> ArchitectureChecks.positive("units of a hidden layer", u));
        ArchitectureChecks.required("activation", activation);
        ArchitectureChecks.required("initializer", initializer);
        ArchitectureChecks.dropout(dropout);
        ArchitectureChecks.positive("outputs", outputs);
        if (wideAndDeep && hiddenUnits.isEmpty()) {
            throw new io.tunelab.trainers.TrainersException("a wide-and-deep network needs at least one hidden layer");
        }
    }

    /** The book's Fashion-MNIST baseline: 784-300-100-10, ReLU, Glorot uniform, no batch norm or dropout. */
    public static MlpArchitecture bookBaseline() {
        return new MlpArchitecture(List.of(28, 28), List.of(300, 100), ActivationKind.RELU, WeightInit.GLOROT,
                false, 0, false, 10);
    }

    /** Number of input features after flattening. */
    public int inputSize() {
        return inputShape.stream().reduce(1, (a, b) -> a * b);
    }

    @Override
    public String describe() {
        String layers = hiddenUnits.stream().map(String::valueOf).collect(Collectors.joining("-"));
        return (wideAndDeep ? "wide-and-deep " : "mlp ") + inputSize() + (layers.isEmpty() ? "" : "-" + layers)
                + "-" + outputs + " " + activation.wireName() + (batchNorm ? (batchNormAfterActivation ? " bn-after" : " bn") : "")
                + (dropout > 0 ? (alphaDropout ? " alpha-dropout " : " dropout ") + dropout : "")
                + (regularization.l1() > 0 ? " l1 " + regularization.l1() : "")
                + (regularization.l2() > 0 ? " l2 " + regularization.l2() : "")
                + (regularization.maxNorm() > 0 ? " max-norm " + regularization.maxNorm() : "");
    }
}
