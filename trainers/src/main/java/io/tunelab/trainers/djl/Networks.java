package io.tunelab.trainers.djl;

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
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
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

    /** A new, uninitialised block for {@code architecture} whose weights will be drawn from {@code seed}. */
    public static Block build(Architecture architecture, long seed) {
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
        SequentialBlock net = new SequentialBlock().add(Blocks.batchFlattenBlock());
        if (a.wideAndDeep()) {
            net.add(new ParallelBlock(Networks::concatFeatures, List.of(Blocks.identityBlock(), hidden(a, new SequentialBlock()))));
        } else {
            hidden(a, net);
        }
        return net.add(Linear.builder().setUnits(a.outputs()).build());
    }

    private static SequentialBlock hidden(MlpArchitecture a, SequentialBlock target) {
        for (int units : a.hiddenUnits()) {
            boolean before = a.batchNorm() && !a.batchNormAfterActivation();
            target.add(Linear.builder().setUnits(units).optBias(!before).build());
            if (before) {
                target.add(BatchNorm.builder().build());
            }
            target.add(a.activation().block());
            if (a.batchNorm() && a.batchNormAfterActivation()) {
                target.add(BatchNorm.builder().build());
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
        int pad = a.kernelSize() / 2;
        for (int b = 0; b < a.convBlocks(); b++) {
            net.add(Conv2d.builder().setKernelShape(new Shape(a.kernelSize(), a.kernelSize()))
                    .optPadding(new Shape(pad, pad)).setFilters(a.filters() << b).optBias(!a.batchNorm()).build());
            if (a.batchNorm()) {
                net.add(BatchNorm.builder().build());
            }
            net.add(a.activation().block());
            Shape window = new Shape(2, 2);
            net.add(a.pooling() == PoolingKind.MAX ? Pool.maxPool2dBlock(window, window) : Pool.avgPool2dBlock(window, window));
        }
        net.add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(a.denseUnits()).build())
                .add(a.activation().block());
        if (a.dropout() > 0) {
            net.add(new StochasticDropout(a.dropout(), false));
        }
        return net.add(Linear.builder().setUnits(a.outputs()).build());
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
