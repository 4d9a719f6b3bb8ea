/**
 * The tracking store: {@link io.tunelab.tracker.store.JdbcTrialStorage}, the JDBC implementation of
 * search's {@code TrialStorage} port (studies, trials, parameters, values, attributes), with its
 * write commands, row loaders and the cache of finished-trial snapshots. Depends on db, metrics,
 * artifact, provenance and liveness.
 */
package io.tunelab.tracker.store;
