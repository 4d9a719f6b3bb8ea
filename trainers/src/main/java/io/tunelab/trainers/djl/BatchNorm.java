package io.tunelab.trainers.djl;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.tunelab.trainers.TrainersException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Batch normalisation (Ioffe and Szegedy 2015) over axis 1, the units of a dense layer's
 * {@code (batch, units)} output or the channels of a convolution's {@code (batch, channels, ...)}
 * output: DJL's {@link ai.djl.nn.norm.BatchNorm} with its defaults (momentum 0.9, ε 1e-5, learned scale
 * and offset), computed by one call of PyTorch's {@code batch_norm}, which normalises over axis 1 of an
 * input of any rank. DJL's block moves the axis to 1 and back around that same call (two transposes, and
 * their two backward steps, and a sub-manager per forward pass), which this one skips; the values are the same.
 * For the PyTorch engine only (the trainers' engine): other engines read axis -1 as the last axis.
 *
 * <p>Same simple name, parameters ({@code gamma}, {@code beta}, {@code runningMean}, {@code runningVar})
 * and saved format (version 2) as DJL's block, so a network's parameter names ({@code 02BatchNorm_gamma}),
 * checkpoints and weights files are those of a network built with DJL's block, and either loads the other's.
 */
public final class BatchNorm extends AbstractBlock {
    private static final byte VERSION = 2;
    private static final float MOMENTUM = 0.9f;
    private static final float EPSILON = 1e-5f;
    /** What the PyTorch engine's {@code batchNorm} takes for "PyTorch's own axis, 1": any other value transposes. */
    private static final int PYTORCH_AXIS = -1;
    private final Parameter gamma;
    private final Parameter beta;
    private final Parameter runningMean;
    private final Parameter runningVar;
    private long channels;

    public BatchNorm() {
        super(VERSION);
        gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.GAMMA).optRequiresGrad(true).build());
        beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.BETA).optRequiresGrad(true).build());
        runningMean = addParameter(Parameter.builder().setName("runningMean").setType(Parameter.Type.RUNNING_MEAN)
                .optRequiresGrad(false).build());
        runningVar = addParameter(Parameter.builder().setName("runningVar").setType(Parameter.Type.RUNNING_VAR)
                .optRequiresGrad(false).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray input = inputs.singletonOrThrow();
        var device = input.getDevice();
        // Axis -1 asks the PyTorch engine for batch_norm's own axis, 1, with no transposes; it passes 1 - momentum
        // to PyTorch, whose momentum weighs the new batch, as for DJL's block.
        return input.getNDArrayInternal().batchNorm(input, store.getValue(runningMean, device, training),
                store.getValue(runningVar, device, training), store.getValue(gamma, device, training),
                store.getValue(beta, device, training), PYTORCH_AXIS, MOMENTUM, EPSILON, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void beforeInitialize(Shape... inputShapes) {
        super.beforeInitialize(inputShapes);
        if (inputShapes[0].dimension() < 2) {
            throw new TrainersException("batch norm needs an input of shape (batch, channels, ...), got " + inputShapes[0]);
        }
        channels = inputShapes[0].get(1);
    }

    @Override
    public void prepare(Shape[] inputShapes) {
        for (Parameter p : new Parameter[] {gamma, beta, runningMean, runningVar}) {
            p.setShape(new Shape(channels));
        }
    }

    @Override
    protected void saveMetadata(DataOutputStream os) throws IOException {
        saveInputShapes(os);
        os.writeLong(channels);
    }

    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion == VERSION) {
            readInputShapes(is);
        } else if (loadVersion != 1) {
            throw new MalformedModelException("Unsupported encoding version: " + loadVersion);
        }
        channels = is.readLong();
    }
}
