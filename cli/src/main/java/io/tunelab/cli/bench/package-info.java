/** {@code tunelab bench} and its subcommands; they run the benchmarks of {@code io.tunelab.search.bench}. */
package io.tunelab.cli.bench;
