/** Turns validated study-file sections into the concrete samplers, pruners and trainers they name. */
package io.tunelab.cli.wiring;
