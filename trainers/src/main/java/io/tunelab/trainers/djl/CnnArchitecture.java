package io.tunelab.trainers.djl;

import io.tunelab.trainers.TrainersException;
import java.util.List;

/**
 * A convolutional network: {@code convBlocks} blocks of convolution ("same" padding) → (batch norm) →
 * activation → 2×2 pooling, the number of filters doubling from block to block; then flatten → dense
 * {@code denseUnits} → activation → (dropout) → dense output layer producing logits (LeCun et al. 1998;
 * the book's chapter 14 layout). A two-dimensional input gets a single channel axis.
 *
 * <p>With {@code residual}, each block's convolution is a residual unit instead (He et al. 2016, the
 * book's ResNet-34 unit): conv → (batch norm) → activation → conv → (batch norm), added to the block's
 * input — through a 1×1 convolution (and batch norm) whenever the number of channels changes — then
 * the activation, then the pooling. With {@code globalPool}, the head is global average pooling →
 * (dropout) → the output layer, without the dense hidden layer.
 *
 * @param inputShape  {@code [height, width]} or {@code [channels, height, width]}
 * @param convBlocks  number of convolution blocks; each halves height and width
 * @param filters     filters of the first block
 * @param kernelSize  odd square kernel size
 * @param pooling     max or average pooling
 * @param denseUnits  units of the dense hidden layer
 * @param dropout     dropout rate before the output layer, 0 for none
 * @param activation  activation after convolutions and the dense hidden layer
 * @param initializer weight initialisation (biases start at zero)
 * @param batchNorm   whether each convolution is batch-normalised
 * @param outputs     number of classes, or of values predicted
 * @param residual    whether each block is a residual unit
 * @param globalPool  whether the head is global average pooling rather than flatten and a dense layer
 */
public record CnnArchitecture(List<Integer> inputShape, int convBlocks, int filters, int kernelSize,
                              PoolingKind pooling, int denseUnits, double dropout, ActivationKind activation,
                              WeightInit initializer, boolean batchNorm, int outputs, boolean residual,
                              boolean globalPool) implements Architecture {
    /** A plain CNN: no residual units, a flatten and dense head. */
    public CnnArchitecture(List<Integer> inputShape, int convBlocks, int filters, int kernelSize, PoolingKind pooling,
                           int denseUnits, double dropout, ActivationKind activation, WeightInit initializer,
                           boolean batchNorm, int outputs) {
        this(inputShape, convBlocks, filters, kernelSize, pooling, denseUnits, dropout, activation, initializer, batchNorm,
                outputs, false, false);
    }

    public CnnArchitecture {
        inputShape = ArchitectureChecks.shape("input shape", inputShape);
        if (inputShape.size() != 2 && inputShape.size() != 3) {
            throw new TrainersException("a CNN needs inputs of shape [height, width] or [channels, height, width], got " + inputShape);
        }
        ArchitectureChecks.positive("conv blocks", convBlocks);
        ArchitectureChecks.positive("filters", filters);
        if (kernelSize < 1 || kernelSize % 2 == 0) {
            throw new TrainersException("kernel size must be odd and positive (3, 5, 7...), got " + kernelSize);
        }
        ArchitectureChecks.required("pooling", pooling);
        ArchitectureChecks.positive("dense units", denseUnits);
        ArchitectureChecks.dropout(dropout);
        ArchitectureChecks.required("activation", activation);
        ArchitectureChecks.required("initializer", initializer);
        ArchitectureChecks.positive("outputs", outputs);
        int h = inputShape.get(inputShape.size() - 2);
        int w = inputShape.get(inputShape.size() - 1);
        if ((h >> convBlocks) < 1 || (w >> convBlocks) < 1) {
            throw new TrainersException(convBlocks + " conv blocks halve a " + h + "x" + w
                    + " input below one pixel; use at most " + (31 - Integer.numberOfLeadingZeros(Math.min(h, w))));
        }
    }

    /** Channels of the input (1 for a two-dimensional input). */
    public int channels() {
        return inputShape.size() == 3 ? inputShape.get(0) : 1;
    }

    /** The first block's filters: later blocks double them, and a residual shortcut's projection matches them. */
    @Override
    public int narrowestConvolution() {
        return filters;
    }

    @Override
    public String describe() {
        return "cnn " + convBlocks + "x " + (residual ? "residual " : "") + "conv" + kernelSize + " from " + filters
                + " filters, " + pooling.wireName() + " pool, " + (globalPool ? "global average pool" : "dense " + denseUnits)
                + ", " + activation.wireName() + (batchNorm ? " bn" : "") + (dropout > 0 ? " dropout " + dropout : "");
    }
}
