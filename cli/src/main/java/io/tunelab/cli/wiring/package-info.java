/**
 * Turns validated study-file sections into the concrete samplers, pruners and trainers they name, and
 * checks a file against its trainer's hyperparameters ({@link io.tunelab.cli.wiring.EffectiveConfiguration});
 * {@link io.tunelab.cli.wiring.Wiring} is the seam through which commands get them, and storage.
 */
package io.tunelab.cli.wiring;
