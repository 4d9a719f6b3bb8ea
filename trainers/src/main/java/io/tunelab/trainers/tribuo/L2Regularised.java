package io.tunelab.trainers.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import io.tunelab.trainers.TrainersException;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.Tensor;

/**
 * Adds an L2 penalty to any Tribuo gradient optimiser (Tribuo's linear SGD trainers have none):
 * before each step, {@code -lambda * w} is added to the update of every weight matrix, which is
 * gradient descent on {@code loss + lambda/2 * ||w||^2}. The bias (the last column, Tribuo's
 * bias feature) is not penalised. The penalty passes through the wrapped optimiser, as L2 does in
 * Keras (not decoupled weight decay as in AdamW).
 *
 * <p>Like every Tribuo optimiser it is stateful during training and not thread-safe; trainers
 * {@link #copy()} it for each training run.
 */
public final class L2Regularised implements StochasticGradientOptimiser {
    @Config(mandatory = true, description = "The optimiser that applies the penalised gradient.")
    private StochasticGradientOptimiser optimiser;

    @Config(mandatory = true, description = "L2 penalty coefficient lambda, 0 or more.")
    private double lambda;

    private Parameters parameters;

    /** For OLCUT configuration only. */
    private L2Regularised() {
    }

    /**
     * @param optimiser the optimiser to wrap
     * @param lambda    penalty coefficient, {@code >= 0}
     */
    public L2Regularised(StochasticGradientOptimiser optimiser, double lambda) {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new TrainersException("L2 lambda must be a finite number >= 0, got " + lambda);
        }
        this.optimiser = optimiser;
        this.lambda = lambda;
    }

    @Override
    public void initialise(Parameters params) {
        this.parameters = params;
        optimiser.initialise(params);
    }

    @Override
    public Tensor[] step(Tensor[] updates, double weight) {
        Tensor[] current = parameters.get();
        Tensor[] penalised = updates.clone();
        for (int i = 0; i < updates.length && lambda > 0; i++) {
            if (current[i] instanceof DenseMatrix w) {
                DenseMatrix update = w.copy();
                update.scaleInPlace(-lambda);
                int bias = w.getDimension2Size() - 1;
                for (int r = 0; r < w.getDimension1Size(); r++) {
                    update.set(r, bias, 0);
                }
                update.intersectAndAddInPlace(updates[i]);
                penalised[i] = update;
            }
        }
        return optimiser.step(penalised, weight);
    }

    @Override
    public void finalise() {
        optimiser.finalise();
    }

    @Override
    public void reset() {
        optimiser.reset();
        parameters = null;
    }

    @Override
    public L2Regularised copy() {
        return new L2Regularised(optimiser.copy(), lambda);
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "StochasticGradientOptimiser");
    }

    @Override
    public String toString() {
        return "L2Regularised(optimiser=" + optimiser + ",lambda=" + lambda + ")";
    }
}
