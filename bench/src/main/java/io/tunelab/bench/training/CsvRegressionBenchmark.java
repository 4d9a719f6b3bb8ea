package io.tunelab.bench.training;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.trainers.callback.Monitor;
import io.tunelab.trainers.djl.train.DjlObjective;
import io.tunelab.trainers.djl.train.DjlObjectiveConfig;
import io.tunelab.trainers.sources.CsvDatasets;
import io.tunelab.trainers.sources.TrainingData;
import io.tunelab.trainers.tabular.CsvOptions;
import io.tunelab.trainers.tabular.Synthetic;
import io.tunelab.trainers.tabular.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;

/**
 * The CSV regression target of the DJL trainers: a CSV file is written with a known non-linear target,
 * Friedman's first problem ({@link Synthetic#regression}: {@code 10 sin(pi x0 x1) + 20 (x2 - 0.5)^2 + 10 x3
 * + 5 x4} plus one irrelevant feature) with Gaussian noise of standard deviation {@code sigma}; it is read
 * through the DJL trainers' CSV path ({@link CsvDatasets}: 20% test, 20% of the rest validating,
 * standardised on the training rows), a study of MLP trials (hidden layers, width and Adam's learning rate
 * sampled; best epoch by {@code val_rmse}) runs on it, and the best trial's test RMSE is set against
 * {@code sigma}, the RMSE of the true function itself. The target is at most {@code 1.2 sigma}.
 * Not a test: the figure depends on the budget and the seed.
 */
public final class CsvRegressionBenchmark {
    /** The target: the best trial's test RMSE over sigma. */
    public static final double TARGET_RATIO = 1.2;

    /**
     * @param directory where the CSV file is written
     * @param rows      rows of the file
     * @param sigma     standard deviation of the noise on the target
     * @param trials    MLP trials
     * @param epochs    epochs of every trial
     * @param seed      seeds the data, the splits and the study
     */
    public record Options(Path directory, int rows, double sigma, int trials, int epochs, long seed) {
        public Options {
            if (rows < 50 || trials < 1 || epochs < 1 || !(sigma > 0)) {
                throw new IllegalArgumentException("need at least 50 rows, 1 trial, 1 epoch and sigma > 0, got " + rows
                        + " rows, " + trials + " trials, " + epochs + " epochs, sigma " + sigma);
            }
        }
    }

    /**
     * What the study reached.
     *
     * @param bestTrial   number of the trial with the lowest validation RMSE
     * @param bestParams  its sampled hyperparameters
     * @param testRmse    its test RMSE, with the 95% interval {@code [testLow, testHigh]}
     * @param complete    trials that completed
     * @param seconds     wall time of the study
     */
    public record Result(Options options, int bestTrial, Map<String, Object> bestParams, double validRmse, double testRmse,
                         double testLow, double testHigh, int complete, double seconds) {
        public double ratio() {
            return testRmse / options.sigma();
        }

        public boolean reached() {
            return ratio() <= TARGET_RATIO;
        }

        /** The figures, one per line. */
        public String describe() {
            Options o = options;
            return String.format(Locale.ROOT, """
                    data: Friedman #1 + 1 irrelevant feature, %d rows, noise sigma %.3f, seed %d
                    study: %d MLP trials (%d complete) x %d epochs, %.1f s
                    best trial: #%d %s
                    best validation RMSE: %.4f
                    best trial's test RMSE: %.4f (95%% interval %.4f to %.4f)
                    test RMSE / sigma: %.3f (target <= %.1f: %s)
                    """, o.rows(), o.sigma(), o.seed(), o.trials(), complete, o.epochs(), seconds, bestTrial, bestParams,
                    validRmse, testRmse, testLow, testHigh, ratio(), TARGET_RATIO, reached() ? "reached" : "NOT reached");
        }
    }

    private CsvRegressionBenchmark() {
    }

    public static Result run(Options o) {
        Path csv = writeCsv(Synthetic.regression(o.rows(), 1, o.sigma(), o.seed()), o.directory().resolve("friedman1.csv"));
        TrainingData data = CsvDatasets.load(csv, CsvOptions.regression("y"), 0.2, 0.2, o.seed());
        Map<String, Distribution> space = Map.of(
                "n_hidden", IntDistribution.uniform(1, 3),
                "n_neurons", IntDistribution.logUniform(16, 128),
                "learning_rate", FloatDistribution.logUniform(1e-3, 3e-2));
        Map<String, Object> fixed = Map.of("epochs", o.epochs(), "batch_size", 32, "optimizer", "adam");
        Study study = Study.builder("csv-regression").storage(new InMemoryStorage()).direction(Direction.MINIMIZE)
                .seed(o.seed()).create();
        long start = System.nanoTime();
        study.optimize(new DjlObjective(data, DjlObjectiveConfig.mlp(space, fixed).withMonitor(Monitor.of("val_rmse"))
                .withCheckpoint(false)), OptimizeOptions.trials(o.trials()).withSlotPerCore());
        double seconds = (System.nanoTime() - start) / 1e9;
        FrozenTrial best = study.bestTrial();
        Map<?, ?> test = (Map<?, ?>) best.userAttrs().get("test_evaluation");
        Map<?, ?> interval = (Map<?, ?>) test.get("rmse_interval");
        int complete = study.trials(EnumSet.of(TrialState.COMPLETE)).size();
        return new Result(o, best.number(), best.params(), best.value(), ((Number) test.get("rmse")).doubleValue(),
                ((Number) interval.get("low")).doubleValue(), ((Number) interval.get("high")).doubleValue(), complete, seconds);
    }

    /** {@code table}'s numeric features and target as a CSV file with a header. */
    static Path writeCsv(Table table, Path file) {
        StringBuilder out = new StringBuilder(String.join(",", table.columnNames())).append(',').append(table.targetName())
                .append('\n');
        for (int r = 0; r < table.rowCount(); r++) {
            for (int c = 0; c < table.columnNames().size(); c++) {
                out.append(String.format(Locale.ROOT, "%.6f,", table.number(c, r)));
            }
            out.append(String.format(Locale.ROOT, "%.6f%n", table.target(r)));
        }
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
