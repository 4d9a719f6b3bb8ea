/**
 * Liveness of running trials: the {@link io.tunelab.tracker.liveness.HeartbeatScheduler} a worker
 * runs so its trials' heartbeats stay fresh, and the {@link io.tunelab.tracker.liveness.RetryPolicy}
 * that says whether a trial whose worker died is run again. Depends on nothing else in the tracker.
 */
package io.tunelab.tracker.liveness;
