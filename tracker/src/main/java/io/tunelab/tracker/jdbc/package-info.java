/**
 * The JDBC implementation of every tracker port, on H2 (embedded or TCP server) and PostgreSQL, with
 * the same SQL and numbered Flyway migrations for both:
 * <ul>
 *   <li>plumbing: the pooled {@code Database} with short retried transactions, its {@code Dialect},
 *       {@code Migrations}, and codecs for values SQL has no portable form for ({@code SqlDoubles},
 *       {@code Times}, {@code JsonCodec});</li>
 *   <li>the tracking store {@code JdbcTrialStorage} (search's {@code TrialStorage}) with its commands,
 *       row loaders, cache of finished trials and stale-trial reaper;</li>
 *   <li>metrics ({@code MetricWriter} batching points in the background, {@code JdbcMetricQueries}),
 *       {@code JdbcProvenanceStore}, {@code JdbcModelRegistry} with its row helpers, and the query side
 *       ({@code JdbcTrackerQueries}, {@code JdbcChangeQueries}).</li>
 * </ul>
 * Rows never leave this package: callers see the ports' records. Everything is package-private except
 * {@link io.tunelab.tracker.jdbc.JdbcTracker}, which opens a database and hands out the ports; only the
 * tracker's {@code setup} and {@code server} facades use it, and nothing outside the tracker imports this
 * package. Depends on the port packages, config, artifact, liveness and provenance.
 */
package io.tunelab.tracker.jdbc;
