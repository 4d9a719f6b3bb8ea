package io.tunelab.cli.bench;

import io.tunelab.bench.storage.BenchResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** How the figure benchmarks print: a table on standard output and, when asked, the same figures as CSV. */
final class BenchOutput {
    private BenchOutput() {
    }

    /** Prints {@code results} as a table to {@code w} and, unless {@code csv} is null, writes them there as CSV. */
    static void print(PrintWriter w, List<BenchResult> results, Path csv) throws IOException {
        w.print(BenchResult.table(results));
        if (csv != null) {
            Files.writeString(csv, BenchResult.csv(results));
            w.println("wrote " + csv);
        }
        w.flush();
    }

    /** Deletes the scratch directory {@code dir} of a benchmark and everything in it. */
    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
