/**
 * Catalogues of the hyperparameters each trainer reads: name, kind of value, default, built-in range
 * and meaning, as data ({@link io.tunelab.trainers.params.Hyperparameters}). Trainers take their
 * defaults from here, and {@code docs/study-files.md} shows the same tables (a test keeps them equal).
 * Depends on {@code search} distributions only.
 */
package io.tunelab.trainers.params;
