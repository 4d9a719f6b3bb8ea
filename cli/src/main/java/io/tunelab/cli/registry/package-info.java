/**
 * Model registry commands: {@code models}, {@code promote} (with its statistical gate) and {@code serve}; and the
 * commands that delete a study or copy it to another tracker ({@code delete}, {@code copy}).
 */
package io.tunelab.cli.registry;
