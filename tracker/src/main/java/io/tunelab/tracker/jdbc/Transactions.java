package io.tunelab.tracker.jdbc;

/**
 * Runs work in a database transaction ({@link Database} is the implementation). A seam for the
 * metric writer, so tests can lose a commit's acknowledgement on purpose.
 */
interface Transactions {
    /** Runs {@code work} in one transaction and commits; see {@link Database#inTransaction}. */
    <T> T inTransaction(SqlWork<T> work);
}
