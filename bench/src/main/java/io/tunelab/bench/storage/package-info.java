/**
 * Storage benchmarks ({@code tunelab bench storage}): metric ingest, trial throughput and read
 * latencies of the embedded tracker, printed as a table and written as CSV. Depends on setup and
 * the search engine's study loop.
 */
package io.tunelab.bench.storage;
