/**
 * The cli's exception root, {@link io.tunelab.cli.error.CliException}: bad input the user can fix. A leaf: it
 * depends on nothing, so every other cli package may throw it.
 */
package io.tunelab.cli.error;
