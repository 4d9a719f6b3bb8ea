/** Model registry commands: {@code models}, {@code promote} (with its statistical gate) and {@code serve}. */
package io.tunelab.cli.registry;
