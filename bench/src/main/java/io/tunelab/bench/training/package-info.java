/**
 * Benchmark entry points run from the command line (not from the test suite):
 * {@link io.tunelab.bench.training.TrainBenchmark} trains the book's Fashion-MNIST networks and writes
 * per-epoch timings and accuracy as CSV. Prints to standard output by design.
 */
package io.tunelab.bench.training;
