/**
 * Keras-style training callbacks: {@link io.tunelab.trainers.callback.TrainingCallback} with
 * {@code default} no-op methods, and early stopping, best checkpoint, per-epoch metric logging,
 * pruning and divergence detection built on it. Callbacks see the run through
 * {@link io.tunelab.trainers.callback.TrainingContext}; the ones that talk to the search get the
 * {@link io.tunelab.search.trial.Trial} in their constructor.
 *
 * Opt-in summaries: weight and gradient histograms, prediction grids of image classifiers and, at the end,
 * a classifier's confusion matrix and PR curves.
 *
 * <p>Depends on {@code io.tunelab.trainers.djl} (weights, model files), {@code data}, {@code eval} and
 * {@code summary} (pictures and tables) and {@code search}'s trial API.
 */
package io.tunelab.trainers.callback;
