package io.tunelab.cli;

import static io.tunelab.cli.CliInvocation.tunelab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code tunelab run --dry-run} of a djl-mlp study of a four-row CSV file, with the space and fit a test gives. */
final class DjlCsvDryRun {
    private DjlCsvDryRun() {
    }

    /** Writes {@code dir/train.csv} and {@code dir/s.yaml} and dry-runs the study; {@code fit} is a flow mapping. */
    static CliInvocation.Result of(Path dir, String space, String fit) throws IOException {
        Files.writeString(dir.resolve("train.csv"), "x1,x2,label\n0.1,0.2,0\n0.3,0.9,1\n0.5,0.5,1\n0.7,0.1,0\n");
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, """
                study: s
                direction: maximize
                metric: val_accuracy
                budget: {trials: 1}
                trainer: djl-mlp
                data: {dataset: csv, path: %s, target: label}
                space:
                  %s
                fit: %s
                """.formatted(dir.resolve("train.csv"), space, fit));
        return tunelab("run", "--dry-run", file.toString());
    }
}
