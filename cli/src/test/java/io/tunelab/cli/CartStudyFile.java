package io.tunelab.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small study file over Tribuo's CART on synthetic two-class data, for CLI tests where the trainer is
 * not the point: {@code max_depth} searched by seeded random sampling. Written as {@code STUDY.yaml}.
 *
 * @param study    the study name (and file name)
 * @param goal     the {@code direction} and {@code metric} lines
 * @param trials   the trial budget
 * @param parallel the {@code parallel} section's value
 * @param samples  synthetic examples
 * @param extra    further top-level lines, each ending with a newline
 */
record CartStudyFile(String study, String goal, int trials, String parallel, int samples, String extra) {
    /** Three trials on two CPU workers over 100 examples, maximizing accuracy. */
    static CartStudyFile named(String study) {
        return new CartStudyFile(study, "direction: maximize\nmetric: accuracy\n", 3, "{workers: 2, devices: cpu}", 100, "");
    }

    /** Two objectives: accuracy maximized, the spread of its cross-validation folds ({@code cv_std}) minimized. */
    CartStudyFile accuracyAgainstSpread() {
        return new CartStudyFile(study, "direction: [maximize, minimize]\nmetric: [accuracy, cv_std]\n", trials, parallel,
                samples, extra);
    }

    CartStudyFile trials(int n) {
        return new CartStudyFile(study, goal, n, parallel, samples, extra);
    }

    CartStudyFile parallel(String section) {
        return new CartStudyFile(study, goal, trials, section, samples, extra);
    }

    CartStudyFile samples(int n) {
        return new CartStudyFile(study, goal, trials, parallel, n, extra);
    }

    CartStudyFile with(String lines) {
        return new CartStudyFile(study, goal, trials, parallel, samples, extra + lines);
    }

    /** Writes the file into {@code dir} and returns its path. */
    Path writeTo(Path dir) throws Exception {
        Path file = dir.resolve(study + ".yaml");
        Files.writeString(file, """
                study: %s
                %ssampler: {type: random, seed: 3}
                budget: {trials: %d}
                parallel: %s
                trainer: tribuo-cart
                data: {dataset: synthetic-classification, samples: %d, classes: 2, seed: 1}
                space:
                  max_depth: {int: [1, 6]}
                """.formatted(study, goal, trials, parallel, samples) + extra);
        return file;
    }
}
