/**
 * How a tracker runs: {@link io.tunelab.tracker.config.DatabaseSettings} (which database, credentials,
 * pool size, how long to ride out an outage) and {@link io.tunelab.tracker.config.StorageOptions}
 * (heartbeats, stale grace, metric batching, clock). Immutable records, checked on construction.
 * Depends on provenance (for the default worker id).
 */
package io.tunelab.tracker.config;
