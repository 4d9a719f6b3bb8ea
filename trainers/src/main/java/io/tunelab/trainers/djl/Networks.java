package io.tunelab.trainers.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import io.tunelab.trainers.device.PyTorchNatives;
import java.util.List;

/**
 * Builds the DJL block an {@link Architecture} describes. The block's weights get a
 * {@link SeededInitializer}; biases and batch-norm offsets start at zero, batch-norm scales at one
 * (DJL's defaults). Call {@code block.initialize(manager, FLOAT32, batchShape)} or load parameters
 * before use. Stateless and thread-safe; each call returns a new block.
 */
public final class Networks {
    private Networks() {
    }

    /**
     * A new, uninitialised block for {@code architecture} whose weights will be drawn from {@code seed}. A
     * network with narrow convolutions switches oneDNN off first ({@link PyTorchNatives#prepareConvolutions}).
     */
    public static Block build(Architecture architecture, long seed) {
        PyTorchNatives.prepareConvolutions(architecture.narrowestConvolution(), architecture.describe());
        Block block;
        if (architecture instanceof MlpArchitecture mlp) {
            block = mlp(mlp);
        } else if (architecture instanceof CnnArchitecture cnn) {
            block = cnn(cnn);
        } else {
            block = rnn((RnnArchitecture) architecture);
        }
        block.setInitializer(new SeededInitializer(architecture.initializer(), seed), Parameter.Type.WEIGHT);
        return block;
    }

    /** The input shape with a batch axis of {@code batchSize}, e.g. {@code (32, 28, 28)}. */
    public static Shape batchShape(Architecture architecture, long batchSize) {
        long[] dims = new long[architecture.inputShape().size() + 1];
        dims[0] = batchSize;
        for (int i = 1; i < dims.length; i++) {
            dims[i] = architecture.inputShape().get(i - 1);
        }
        return new Shape(dims);
    }

    private static Block mlp(MlpArchitecture a) {
        SequentialBlock net = new SequentialBlock().add(LambdaBlock.singleton(Networks::flattenExamples, "batchFlatten"));
        if (a.wideAndDeep()) {
            net.add(new ParallelBlock(Networks::concatFeatures, List.of(Blocks.identityBlock(), hidden(a, new SequentialBlock()))));
        } else {
            hidden(a, net);
        }
        return net.add(Linear.builder().setUnits(a.outputs()).build());
    }

    /**
     * {@link Blocks#batchFlatten}, which reshapes even a batch of vectors (an operation and an array per
     * batch), without the reshape when the examples are vectors already: a CSV's rows.
     */
    static NDArray flattenExamples(NDArray batch) {
        return batch.getShape().dimension() == 2 ? batch : Blocks.batchFlatten(batch);
    }

    private static SequentialBlock hidden(MlpArchitecture a, SequentialBlock target) {
        for (int units : a.hiddenUnits()) {
            boolean before = a.batchNorm() && !a.batchNormAfterActivation();
            target.add(Linear.builder().setUnits(units).optBias(!before).build());
            if (before) {
                target.add(new BatchNorm());
            }
            target.add(a.activation().block());
            if (a.batchNorm() && a.batchNormAfterActivation()) {
                target.add(new BatchNorm());
            }
            if (a.dropout() > 0) {
                target.add(new StochasticDropout(a.dropout(), a.alphaDropout()));
            }
        }
        return target;
    }

    private static NDList concatFeatures(List<NDList> branches) {
        return new NDList(NDArrays.concat(new NDList(branches.get(0).singletonOrThrow(), branches.get(1).singletonOrThrow()), 1));
    }

    private static Block cnn(CnnArchitecture a) {
        SequentialBlock net = new SequentialBlock();
        if (a.inputShape().size() == 2) {
            net.add(LambdaBlock.singleton(x -> x.expandDims(1), "add_channel_axis"));
        }
        int channels = a.channels();
        for (int b = 0; b < a.convBlocks(); b++) {
            int filters = a.filters() << b;
            if (a.residual()) {
                net.add(new ParallelBlock(Networks::sum, List.of(convUnit(a, filters, true), skip(a, channels, filters))));
            } else {
                convUnit(a, filters, false).getChildren().values().forEach(net::add);
            }
            net.add(a.activation().block());
            channels = filters;
            Shape window = new Shape(2, 2);
            net.add(a.pooling() == PoolingKind.MAX ? Pool.maxPool2dBlock(window, window) : Pool.avgPool2dBlock(window, window));
        }
        if (a.globalPool()) {
            net.add(Pool.globalAvgPool2dBlock()).add(Blocks.batchFlattenBlock());
        } else {
            net.add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(a.denseUnits()).build())
                    .add(a.activation().block());
        }
        if (a.dropout() > 0) {
            net.add(new StochasticDropout(a.dropout(), false));
        }
        return net.add(Linear.builder().setUnits(a.outputs()).build());
    }

    /**
     * Conv → (batch norm), and for a residual unit → activation → conv → (batch norm) again: the main
     * path, whose final activation the caller adds (after the sum, for a residual unit).
     */
    private static SequentialBlock convUnit(CnnArchitecture a, int filters, boolean twice) {
        SequentialBlock unit = new SequentialBlock();
        int pad = a.kernelSize() / 2;
        for (int i = 0; i < (twice ? 2 : 1); i++) {
            if (i > 0) {
                unit.add(a.activation().block());
            }
            unit.add(Conv2d.builder().setKernelShape(new Shape(a.kernelSize(), a.kernelSize()))
                    .optPadding(new Shape(pad, pad)).setFilters(filters).optBias(!a.batchNorm()).build());
            if (a.batchNorm()) {
                unit.add(new BatchNorm());
            }
        }
        return unit;
    }

    /** A residual unit's shortcut: the identity, or a 1×1 convolution (and batch norm) when the channels change. */
    private static Block skip(CnnArchitecture a, int inChannels, int filters) {
        if (inChannels == filters) {
            return Blocks.identityBlock();
        }
        SequentialBlock projection = new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(filters).optBias(!a.batchNorm()).build());
        if (a.batchNorm()) {
            projection.add(new BatchNorm());
        }
        return projection;
    }

    private static NDList sum(List<NDList> branches) {
        return new NDList(branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow()));
    }

    private static Block rnn(RnnArchitecture a) {
        SequentialBlock net = new SequentialBlock();
        if (a.convFilters() > 0) {
            // Conv1d reads (batch, channels, steps); the recurrent layers read (batch, steps, features).
            net.add(LambdaBlock.singleton(x -> x.transpose(0, 2, 1), "steps_to_channels_last"))
                    .add(Conv1d.builder().setKernelShape(new Shape(a.convKernel())).optStride(new Shape(a.convStride()))
                            .setFilters(a.convFilters()).build())
                    .add(LambdaBlock.singleton(x -> x.transpose(0, 2, 1), "channels_to_features"));
        }
        for (int units : a.units()) {
            net.add(a.cell().layer(units));
            if (a.dropout() > 0) {
                net.add(new StochasticDropout(a.dropout(), false));
            }
        }
        return net.add(LambdaBlock.singleton(x -> x.get(":, -1, :"), "last_step"))
                .add(Linear.builder().setUnits(a.outputs()).build());
    }
}
