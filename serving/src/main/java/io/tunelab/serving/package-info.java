/**
 * {@code tunelab serve}: answers predictions over HTTP with the model version an alias points at,
 * switching to a new version without a restart when the alias moves.
 */
package io.tunelab.serving;
