/**
 * Opening a tracker: {@link io.tunelab.tracker.setup.Tracker} opens the JDBC implementation from one
 * {@link io.tunelab.tracker.setup.TrackerConfig} and hands out its ports (the tracking store, artifact
 * repository, registry, provenance and query side). The entry point for the composition root (the CLI).
 * Depends on every other tracker package but server and bench.
 */
package io.tunelab.tracker.setup;
