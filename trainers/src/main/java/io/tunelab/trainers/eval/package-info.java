/**
 * Evaluation shared by all trainers: {@link io.tunelab.trainers.eval.ClassificationReport} (accuracy with a
 * t-interval, confusion matrix, per-class precision / recall / F1) and
 * {@link io.tunelab.trainers.eval.RegressionReport} (RMSE with a t-interval, MAE, R²) built from plain
 * arrays of truth and predictions, the objective {@link io.tunelab.trainers.eval.Metric}s, and
 * {@link io.tunelab.trainers.eval.CrossValidation}, which reports per-fold scores to a trial for pruning.
 *
 * <p>Depends on {@code search} (the trial handle), {@code tabular} (the task) and Commons Math (the t
 * distribution); never on Tribuo or DJL, so predictions from any library can be evaluated.
 */
package io.tunelab.trainers.eval;
