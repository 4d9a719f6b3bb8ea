/**
 * The tracker: database storage of studies, trials, metrics, artifacts, provenance and model
 * versions. Depends on search. This package holds only the exception root,
 * {@link io.tunelab.tracker.TrackerException}; the subpackages, from the bottom up:
 * {@code db} (pool, migrations, codecs), {@code metrics}, {@code artifact}, {@code provenance},
 * {@code liveness}, {@code store} (the {@code TrialStorage} implementation), {@code registry},
 * {@code query}, {@code server} (the H2 TCP server), {@code setup} (opening a tracker) and
 * {@code bench}. No package depends on one above it.
 */
package io.tunelab.tracker;
