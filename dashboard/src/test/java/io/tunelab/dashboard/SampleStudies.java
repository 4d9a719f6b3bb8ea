package io.tunelab.dashboard;

import io.tunelab.search.pruner.PruneDecision;
import io.tunelab.search.pruner.Pruner;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.RangeOptions;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialPrunedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Small real studies for the dashboard's tests, run through {@link Study#optimize} on an in-memory
 * storage: a single-objective study with pruning, metrics and an artifact, a two-objective study, and a
 * study whose name is an HTML injection attempt.
 */
public final class SampleStudies {
    public static final String QUADRATIC = "quadratic";
    public static final String PARETO = "pareto";
    public static final String HOSTILE = "<script>alert(1)</script>";
    public static final String HOSTILE_HISTOGRAM_TAG = "<b>weights</b>";
    public static final int HOSTILE_HISTOGRAM_STEPS = 5;
    public static final String HOSTILE_IMAGE_TAG = "<img src=x onerror=window.__xss=1>";
    public static final String HOSTILE_TEXT_TAG = "<i>notes</i>";
    public static final String HOSTILE_TEXT = "# Report\n<script>window.__xss=1</script> **bold** <img src=x onerror=window.__xss=1>\n\n"
            + "- item `<b>code</b>`\n- [link](javascript:window.__xss=1)\n\n| a | b |\n|---|---|\n| <i>1</i> | 2 |";
    public static final int QUADRATIC_TRIALS = 40;
    public static final int STEPS = 30;

    private SampleStudies() {
    }

    /** Prunes every fifth trial (numbers 4, 9, ...) once it has reported step 3. */
    static final class EveryFifthPruner implements Pruner {
        @Override
        public PruneDecision evaluate(StudyView study, FrozenTrial trial) {
            var last = trial.lastIntermediate();
            if (last.isPresent() && trial.number() % 5 == 4 && last.get().getKey() >= 3) {
                return PruneDecision.prune(last.get().getKey(), last.get().getValue(), 0.5,
                        "value at step " + last.get().getKey() + " is worse than the threshold 0.5");
            }
            return PruneDecision.keep("fine");
        }
    }

    /** A storage holding the three sample studies; artifacts are written under {@code dir}. */
    public static InMemoryStorage create(Path dir) {
        InMemoryStorage storage = new InMemoryStorage();
        fill(storage, dir);
        return storage;
    }

    /** Runs the three sample studies on {@code storage}; artifact files are written under {@code dir}. */
    public static void fill(TrialStorage storage, Path dir) {
        Study quadratic = Study.builder(QUADRATIC).storage(storage).seed(7).pruner(new EveryFifthPruner()).create();
        quadratic.optimize(trial -> {
            double x = trial.suggestFloat("x", -5, 5);
            double lr = trial.suggestFloat("lr", 1e-4, 1e-1, RangeOptions.log());
            String optimizer = trial.suggestCategorical("optimizer", List.of("sgd", "adam"));
            double base = (x - 1) * (x - 1) + ("adam".equals(optimizer) ? 0 : 0.5) + lr;
            double value = base;
            for (int step = 0; step < STEPS; step++) {
                value = base + 1.0 / (step + 1);
                trial.report(step, value);
                trial.log(step, Map.of("loss", value, "accuracy", 1 / (1 + value)));
                if (trial.shouldPrune()) {
                    throw new TrialPrunedException();
                }
            }
            if (trial.number() == 0) {
                trial.logArtifact("model.bin", artifact(dir));
            }
            return value;
        }, OptimizeOptions.trials(QUADRATIC_TRIALS).withParallelism(2));

        Study pareto = Study.builder(PARETO).storage(storage).seed(3)
                .directions(Direction.MINIMIZE, Direction.MINIMIZE).create();
        pareto.optimizeMulti(trial -> {
            double a = trial.suggestFloat("a", 0, 1);
            return new double[] {a, (1 - a) * (1 - a) + trial.suggestFloat("noise", 0, 0.2)};
        }, OptimizeOptions.trials(30).withParallelism(1));

        Study hostile = Study.builder(HOSTILE).storage(storage).seed(1).create();
        hostile.setUserAttr("<i>owner</i>", "<b>ana</b>");
        hostile.optimize(trial -> {
            String choice = trial.suggestCategorical("<b>choice</b>", List.of("<i>x</i>", "y"));
            logHostileSummaries(trial);
            return choice.length();
        }, OptimizeOptions.trials(3).withParallelism(1));
        storage.flush();
    }

    /** Summaries with hostile tags and texts: histograms at steps 0 to 4, images at steps 0 to 2 (each a shade of grey), one text. */
    private static void logHostileSummaries(Trial trial) {
        SplittableRandom random = new SplittableRandom(trial.seed());
        for (int step = 0; step < HOSTILE_HISTOGRAM_STEPS; step++) {
            double spread = 1 + step;
            trial.logHistogram(HOSTILE_HISTOGRAM_TAG, step, random.doubles(500).map(u -> (u - 0.5) * spread).toArray());
        }
        for (int step = 0; step < 3; step++) {
            float[][][] pixels = new float[8][8][1];
            for (float[][] row : pixels) {
                for (float[] px : row) {
                    px[0] = step / 2f;
                }
            }
            trial.logImage(HOSTILE_IMAGE_TAG, step, pixels);
        }
        trial.logText(HOSTILE_TEXT_TAG, 0, HOSTILE_TEXT);
    }

    private static Path artifact(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve("model.bin"), "weights");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Logs {@code loss} = {@code scale / (step + 1)} at steps {@code from} to {@code to}, one second apart. */
    public static void logLoss(TrialStorage storage, long trial, int from, int to, double scale) {
        List<MetricPoint> points = new ArrayList<>();
        for (int step = from; step <= to; step++) {
            points.add(new MetricPoint("loss", step, scale / (step + 1), Instant.ofEpochMilli(1_000L * step)));
        }
        storage.logMetrics(trial, points);
    }
}
