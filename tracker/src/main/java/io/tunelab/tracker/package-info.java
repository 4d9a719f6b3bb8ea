/**
 * The tracker: database storage of studies, trials, metrics, artifacts, provenance and model
 * versions. Depends on search. This package holds only the exception root,
 * {@link io.tunelab.tracker.TrackerException}. The subpackages, from the bottom up:
 * <ul>
 *   <li>ports and their published records, which other modules use: {@code artifact}, {@code metrics},
 *       {@code provenance}, {@code liveness}, {@code registry}, {@code query}, {@code filter} (the trials filter
 *       language and sort keys of the dashboard's table and {@code tunelab trials}), and {@code config} (how to
 *       reach a database and tune the tracking store);</li>
 *   <li>{@code jdbc}, the one implementation of every port on H2 and PostgreSQL, which nothing outside
 *       the tracker may import (an ArchUnit rule checks it);</li>
 *   <li>{@code server} (the H2 TCP server) and {@code setup} (opening a tracker), the facades that open
 *       {@code jdbc} and hand out its ports; then {@code bench}.</li>
 * </ul>
 * No package depends on one above it.
 */
package io.tunelab.tracker;
