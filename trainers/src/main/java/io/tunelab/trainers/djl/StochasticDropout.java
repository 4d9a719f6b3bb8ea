package io.tunelab.trainers.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Dropout (Srivastava et al. 2014) or alpha dropout (Klambauer et al. 2017, which keeps the mean and
 * variance of SELU activations), active while training and, for Monte Carlo dropout (Gal and
 * Ghahramani 2016), in inference passes on a thread that has switched {@link #setMonteCarlo Monte Carlo
 * mode} on: then only the dropout layers are stochastic, batch norm still uses its running statistics.
 * (A thread-local switch, since DJL's sequential blocks do not hand forward-pass parameters to their
 * children.) Saved in the format of
 * DJL's {@link Dropout} (no parameters, version 2), so weights files of either load into the other.
 */
public final class StochasticDropout extends AbstractBlock {
    private static final ThreadLocal<Boolean> MONTE_CARLO = ThreadLocal.withInitial(() -> false);
    private static final double SELU_ALPHA_PRIME = -1.0507009873554805 * 1.6732632423543772;
    private final float rate;
    private final boolean alpha;

    /**
     * @param rate  the fraction of units dropped, in [0, 1)
     * @param alpha whether dropped units take SELU's negative saturation value and the result is
     *              rescaled to keep mean and variance (for self-normalising networks)
     */
    public StochasticDropout(double rate, boolean alpha) {
        super((byte) 2);
        ArchitectureChecks.dropout(rate);
        this.rate = (float) rate;
        this.alpha = alpha;
    }

    /** Switches Monte Carlo mode on or off for the calling thread; returns the previous setting. */
    public static boolean setMonteCarlo(boolean on) {
        boolean was = MONTE_CARLO.get();
        MONTE_CARLO.set(on);
        return was;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        boolean active = training || MONTE_CARLO.get();
        if (!active || rate == 0) {
            return inputs;
        }
        NDArray x = inputs.singletonOrThrow();
        if (!alpha) {
            return Dropout.dropout(x, rate, true);
        }
        double keep = 1 - rate;
        double a = 1 / Math.sqrt(keep * (1 + rate * SELU_ALPHA_PRIME * SELU_ALPHA_PRIME));
        double b = -a * SELU_ALPHA_PRIME * rate;
        NDArray kept = x.getManager().randomUniform(0, 1, x.getShape()).lt(keep).toType(x.getDataType(), false);
        NDArray dropped = kept.neg().add(1).mul(SELU_ALPHA_PRIME);
        return new NDList(x.mul(kept).add(dropped).mul(a).add(b));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    public void loadMetadata(byte loadVersion, java.io.DataInputStream is) throws java.io.IOException,
            ai.djl.MalformedModelException {
        if (loadVersion == version) {
            readInputShapes(is);
        } else if (loadVersion != 1) {
            throw new ai.djl.MalformedModelException("Unsupported encoding version: " + loadVersion);
        }
    }
}
