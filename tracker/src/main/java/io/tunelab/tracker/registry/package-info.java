/**
 * The model registry: the port {@link io.tunelab.tracker.registry.ModelRegistry} and its records,
 * registered models, numbered versions created from trials (with the trial's artifact, parameters,
 * values and metric summaries copied as metadata), aliases such as {@code production} that point at one
 * version each, and the audit trail of every alias move ({@link io.tunelab.tracker.registry.Change}
 * says who and why). Depends on provenance (for the host name).
 */
package io.tunelab.tracker.registry;
