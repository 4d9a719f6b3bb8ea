/** {@code tunelab bench} and its subcommands; they run the benchmarks of {@code io.tunelab.bench.samplers}. */
package io.tunelab.cli.bench;
