/**
 * The H2 TCP server that lets several worker processes share one tracker database: one long-lived
 * process owns the database file and serves {@code jdbc:h2:tcp://127.0.0.1:PORT/tracker}. Depends on
 * config and jdbc.
 */
package io.tunelab.tracker.server;
