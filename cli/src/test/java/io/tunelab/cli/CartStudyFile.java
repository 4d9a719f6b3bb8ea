package io.tunelab.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small study file over Tribuo's CART on synthetic two-class data, for CLI tests where the trainer is
 * not the point: {@code max_depth} searched by seeded random sampling. Written as {@code STUDY.yaml}.
 *
 * @param study    the study name (and file name)
 * @param trials   the trial budget
 * @param parallel the {@code parallel} section's value
 * @param samples  synthetic examples
 * @param extra    further top-level lines, each ending with a newline
 */
record CartStudyFile(String study, int trials, String parallel, int samples, String extra) {
    /** Three trials on two CPU workers over 100 examples. */
    static CartStudyFile named(String study) {
        return new CartStudyFile(study, 3, "{workers: 2, devices: cpu}", 100, "");
    }

    CartStudyFile trials(int n) {
        return new CartStudyFile(study, n, parallel, samples, extra);
    }

    CartStudyFile parallel(String section) {
        return new CartStudyFile(study, trials, section, samples, extra);
    }

    CartStudyFile samples(int n) {
        return new CartStudyFile(study, trials, parallel, n, extra);
    }

    CartStudyFile with(String lines) {
        return new CartStudyFile(study, trials, parallel, samples, extra + lines);
    }

    /** Writes the file into {@code dir} and returns its path. */
    Path writeTo(Path dir) throws Exception {
        Path file = dir.resolve(study + ".yaml");
        Files.writeString(file, """
                study: %s
                direction: maximize
                metric: accuracy
                sampler: {type: random, seed: 3}
                budget: {trials: %d}
                parallel: %s
                trainer: tribuo-cart
                data: {dataset: synthetic-classification, samples: %d, classes: 2, seed: 1}
                space:
                  max_depth: {int: [1, 6]}
                """.formatted(study, trials, parallel, samples) + extra);
        return file;
    }
}
