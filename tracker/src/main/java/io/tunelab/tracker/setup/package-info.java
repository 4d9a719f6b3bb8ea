/**
 * Opening a tracker: {@link io.tunelab.tracker.setup.Tracker} wires the database, the tracking store,
 * the artifact repository, the registry and the query side from one
 * {@link io.tunelab.tracker.setup.TrackerConfig}. The entry point for the CLI and the dashboard.
 * Depends on every other tracker package.
 */
package io.tunelab.tracker.setup;
