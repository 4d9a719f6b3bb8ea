package io.tunelab.trainers.djl.optimizer;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * An optimizer that can update all the parameters of a {@link FlatParameters} with one set of
 * operations over its buffer. Every optimizer {@link OptimizerSpec#build} makes is one.
 */
public interface FlatOptimizer {
    /**
     * Makes the updates {@code update(parameterIds[i], view i, gradients[i])} would make for every
     * parameter, at once; element for element the same arithmetic. Returns {@code false}, having changed
     * nothing, when it cannot: the binding is no longer {@link FlatParameters#intact intact}, or the
     * parameters are at different update counts or learning rates. The caller then updates them one by
     * one. The gradients may be overwritten, as by {@code update}.
     *
     * @param parameterIds the parameters' ids, in the order of {@code parameters}
     * @param gradients    their gradients, in the same order
     */
    boolean updateAll(List<String> parameterIds, FlatParameters parameters, List<NDArray> gradients);
}
