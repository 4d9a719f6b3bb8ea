package io.tunelab.trainers.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import io.tunelab.trainers.TrainersException;
import java.util.List;

/**
 * Weight regularisation of the dense layers, as Keras's {@code kernel_regularizer} and
 * {@code kernel_constraint}: an L1 and an L2 penalty added to the training loss
 * ({@code l1 Σ|w| + l2 Σw²}), and a max-norm constraint (Srebro et al. 2005) rescaling each unit's
 * incoming weights to a norm of at most {@code maxNorm} after every step. Applies to every
 * two-dimensional weight (every dense layer, the output layer included); 0 switches a part off.
 *
 * @param l1      L1 penalty factor, 0 or more
 * @param l2      L2 penalty factor, 0 or more
 * @param maxNorm largest norm of a unit's incoming weights, 0 for no constraint
 */
public record Regularization(double l1, double l2, double maxNorm) {
    /** No penalty, no constraint. */
    public static final Regularization NONE = new Regularization(0, 0, 0);

    public Regularization {
        if (!(l1 >= 0) || !(l2 >= 0) || !(maxNorm >= 0)) {
            throw new TrainersException("l1, l2 and max_norm must be 0 or more, got " + l1 + ", " + l2 + " and " + maxNorm);
        }
    }

    /** Whether anything is added to the loss. */
    public boolean penalises() {
        return l1 > 0 || l2 > 0;
    }

    /**
     * {@code loss} plus the penalty of the dense weights among {@code parameters}, recorded for gradients;
     * every array made here belongs to {@code batch}, freed with it.
     */
    public NDArray penalised(NDArray loss, List<Parameter> parameters, NDManager batch) {
        NDArray total = loss;
        for (Parameter p : parameters) {
            NDArray w = p.getArray();
            if (p.getType() == Parameter.Type.WEIGHT && w.getShape().dimension() == 2) {
                if (l1 > 0) {
                    total = total.add(owned(owned(owned(w.abs(), batch).sum(), batch).mul((float) l1), batch));
                }
                if (l2 > 0) {
                    total = total.add(owned(owned(owned(w.square(), batch).sum(), batch).mul((float) l2), batch));
                }
            }
        }
        return total;
    }

    private static NDArray owned(NDArray array, NDManager manager) {
        array.attach(manager);
        return array;
    }

    /** Rescales in place every dense unit's incoming weights whose norm exceeds {@code maxNorm}; no-op without one. */
    public void constrain(List<Parameter> parameters) {
        if (maxNorm == 0) {
            return;
        }
        for (Parameter p : parameters) {
            NDArray w = p.getArray();
            if (p.getType() == Parameter.Type.WEIGHT && w.getShape().dimension() == 2) {
                // DJL's dense weights are (units, inputs): one row per unit
                NDScope scope = new NDScope();
                try {
                    NDArray norms = w.square().sum(new int[] {1}, true).sqrt();
                    w.muli(norms.clip(0f, (float) maxNorm).div(norms.add(1e-7f)));
                    NDScope.unregister(w);
                } finally {
                    scope.close();
                }
            }
        }
    }
}
