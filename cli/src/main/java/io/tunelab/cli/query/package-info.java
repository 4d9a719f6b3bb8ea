/**
 * Read-only commands over a storage: {@code studies}, {@code trials} (with MLflow's filter and sort, from
 * {@code tracker.filter}), {@code best}, {@code compare}.
 */
package io.tunelab.cli.query;
