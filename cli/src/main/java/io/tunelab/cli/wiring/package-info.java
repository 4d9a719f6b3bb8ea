/**
 * Turns validated study-file sections into the concrete samplers, pruners and trainers they name, and
 * checks a file against its trainer's hyperparameters ({@link io.tunelab.cli.wiring.EffectiveConfiguration}).
 */
package io.tunelab.cli.wiring;
