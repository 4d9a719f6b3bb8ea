/**
 * Database plumbing shared by every tracker store: the connection pool, Flyway migrations, short
 * retried transactions, and the codecs for values SQL has no portable form for (non-finite doubles,
 * nanosecond instants, JSON attributes). Depends on nothing else in the tracker.
 */
package io.tunelab.tracker.db;
