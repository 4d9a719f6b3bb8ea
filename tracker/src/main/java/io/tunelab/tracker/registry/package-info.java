/**
 * The model registry store: registered models, numbered versions created from trials (with the
 * trial's artifact, parameters, values and metric summaries copied as metadata), aliases such as
 * {@code production} that point at one version each, tags, descriptions, archived versions, and the
 * audit trail of every alias move. Depends on db, store (to read source trials), metrics and
 * provenance.
 */
package io.tunelab.tracker.registry;
