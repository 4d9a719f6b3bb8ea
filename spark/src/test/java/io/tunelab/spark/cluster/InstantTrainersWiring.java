package io.tunelab.spark.cluster;

import io.tunelab.search.study.Objective;
import io.tunelab.spark.ObjectiveSwappingWiring;

/**
 * The real wiring whose trials take no time: each samples the CART study file's {@code max_depth} and returns
 * it, so that what a run measures is the cost of running trials, not of training.
 */
public final class InstantTrainersWiring extends ObjectiveSwappingWiring {
    @Override
    protected Objective objective(Objective trained) {
        return trial -> trial.suggestInt("max_depth", 1, 6);
    }
}
