/**
 * Benchmark entry points run from the command line (not from the test suite):
 * {@link io.tunelab.bench.training.TrainBenchmark} trains the book's Fashion-MNIST networks and writes
 * per-epoch timings and accuracy as CSV; {@link io.tunelab.bench.training.CsvRegressionBenchmark} and
 * {@link io.tunelab.bench.training.ImagesBenchmark} hold the DJL trainers to the accuracy targets on
 * generated CSV files and on image folders; {@link io.tunelab.bench.training.TorchPeerBenchmark} times each
 * new DJL trainer beside the same network in PyTorch ({@link io.tunelab.bench.training.TorchPeer}, the
 * script {@code bench/torch_peer.py}) in one run. Prints to standard output by design.
 */
package io.tunelab.bench.training;
