/**
 * Trained models seen from the outside: a {@link io.tunelab.trainers.predict.Predictor} takes rows of
 * numbers shaped as its {@link io.tunelab.trainers.predict.InputSchema} says and returns predictions.
 * DJL and Tribuo models implement it; {@code tunelab serve} and the promotion gate use it.
 */
package io.tunelab.trainers.predict;
