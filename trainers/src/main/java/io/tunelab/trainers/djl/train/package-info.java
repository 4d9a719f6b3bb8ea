/**
 * Training DJL networks: {@link io.tunelab.trainers.djl.train.TrainingLoop}, a plain epoch/batch loop
 * with callbacks, and {@link io.tunelab.trainers.djl.train.DjlObjective}, the search objective that
 * reads a trial's hyperparameters ({@link io.tunelab.trainers.djl.train.ParamNames}), trains and returns
 * the monitored metric. Depends on every other {@code io.tunelab.trainers} package and on {@code search}.
 */
package io.tunelab.trainers.djl.train;
