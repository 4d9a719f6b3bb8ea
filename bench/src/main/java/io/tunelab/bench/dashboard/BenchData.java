package io.tunelab.bench.dashboard;

import io.tunelab.dashboard.DashboardException;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.summary.Histogram;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills a storage with the benchmark's studies through the storage port (the same calls a study makes):
 * a search study of {@code trials} trials with six parameters, 20 intermediate values and
 * {@code pointsPerTrial} points of a {@code loss} series each, on four worker slots; and a scalars study
 * of {@code runs} runs of {@code steps} steps, each run also holding weight histograms of
 * {@value #HISTOGRAM_TAGS} tags at {@value #HISTOGRAM_STEPS} steps (200 draws each). Trials are written by {@code writers} threads (on a
 * database, each call is a short transaction and points go through its batched writer); each trial's
 * content is drawn from its own stream seeded by {@code seed} and its index, so it does not depend on the
 * threads, though trial numbers interleave. A storage that already holds both studies at these sizes is
 * left as it is.
 */
final class BenchData {
    static final String SEARCH = "bench-search";
    static final String SCALARS = "bench-scalars";
    private static final long EPOCH_MILLIS = 1_735_689_600_000L;
    /** Histogram tags and steps of each scalars run: the Histograms view's benchmark size (50 runs × 100 steps × 10 tags). */
    static final int HISTOGRAM_TAGS = 10;
    static final int HISTOGRAM_STEPS = 100;

    private final TrialStorage storage;
    private final int writers;

    BenchData(TrialStorage storage, int writers) {
        this.storage = storage;
        this.writers = writers;
    }

    /** Whether the storage already holds the studies at these sizes; CONFLICT if it holds them at others. */
    boolean present(DashboardBenchmark.Sizes sizes) {
        Optional<StudyRecord> search = storage.findStudy(SEARCH);
        Optional<StudyRecord> scalars = storage.findStudy(SCALARS);
        if (search.isEmpty() && scalars.isEmpty()) {
            return false;
        }
        int trials = search.map(s -> storage.trials(s.id(), EnumSet.allOf(TrialState.class)).size()).orElse(-1);
        int runs = scalars.map(s -> storage.trials(s.id(), EnumSet.allOf(TrialState.class)).size()).orElse(-1);
        if (trials != sizes.trials() || runs != sizes.runs()) {
            throw new DashboardException(DashboardException.Kind.CONFLICT, "this storage holds benchmark studies of "
                    + trials + " trials and " + runs + " runs, not the " + sizes.trials() + " and " + sizes.runs()
                    + " asked for (or an interrupted generation); use an empty directory");
        }
        long firstRun = storage.trials(scalars.orElseThrow().id(), EnumSet.allOf(TrialState.class)).get(0).id();
        if (storage.summaryTags(firstRun).size() != HISTOGRAM_TAGS) {
            throw new DashboardException(DashboardException.Kind.CONFLICT, "this storage holds benchmark studies without the "
                    + HISTOGRAM_TAGS + " histogram tags per run this version writes; use an empty directory");
        }
        return true;
    }

    /** Writes both studies. */
    void fill(DashboardBenchmark.Sizes sizes, long seed) throws Exception {
        long study = storage.createStudy(SEARCH, List.of(Direction.MINIMIZE)).id();
        storage.setStudySystemAttr(study, "sampler", Map.of("type", "random", "seed", seed));
        parallel(sizes.trials(), n -> searchTrial(study, n, sizes.pointsPerTrial(), new SplittableRandom(seed * 1_000_003L + n)));
        long scalars = storage.createStudy(SCALARS, List.of(Direction.MINIMIZE)).id();
        parallel(sizes.runs(), r -> run(scalars, sizes.steps(), new SplittableRandom(~seed * 1_000_003L + r)));
        storage.flush();
    }

    private interface Task {
        void write(int index) throws Exception;
    }

    private void parallel(int count, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int first = w;
                done.add(pool.submit(() -> {
                    for (int i = first; i < count; i += writers) {
                        task.write(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static final FloatDistribution LR = FloatDistribution.logUniform(1e-5, 1e-1);
    private static final FloatDistribution DROPOUT = FloatDistribution.uniform(0, 0.5);
    private static final IntDistribution LAYERS = IntDistribution.uniform(1, 4);
    private static final IntDistribution UNITS = IntDistribution.logUniform(16, 1024);
    private static final CategoricalDistribution OPTIMIZER = CategoricalDistribution.of("sgd", "adam", "rmsprop");
    private static final CategoricalDistribution BATCH = CategoricalDistribution.of(32, 64, 128);

    private void searchTrial(long study, int n, int pointsPerTrial, SplittableRandom random) {
        long id = storage.createRunningTrial(study).id();
        storage.setSystemAttr(id, "slot", "cpu:" + (n % 4));
        double l = Math.exp(random.nextDouble(Math.log(1e-5), Math.log(1e-1)));
        int depth = random.nextInt(1, 5);
        storage.setParam(id, "lr", l, LR);
        storage.setParam(id, "dropout", random.nextDouble(0, 0.5), DROPOUT);
        storage.setParam(id, "layers", depth, LAYERS);
        storage.setParam(id, "units", (int) Math.round(Math.exp(random.nextDouble(Math.log(16), Math.log(1024)))), UNITS);
        String opt = (String) OPTIMIZER.choices().get(random.nextInt(3));
        storage.setParam(id, "optimizer", opt, OPTIMIZER);
        storage.setParam(id, "batch", BATCH.choices().get(random.nextInt(3)), BATCH);
        double target = Math.pow(Math.log10(l) + 3, 2) * 0.1 + 0.05 * depth + ("adam".equals(opt) ? 0 : 0.1)
                + random.nextDouble(0, 0.05);
        TrialState state = n % 20 == 0 ? TrialState.FAIL : n % 7 == 0 ? TrialState.PRUNED : TrialState.COMPLETE;
        List<MetricPoint> points = new ArrayList<>(pointsPerTrial);
        long wall = EPOCH_MILLIS + n * 60_000L;
        for (int s = 0; s < pointsPerTrial; s++) {
            double v = target + 2.0 / (s + 1) + random.nextDouble(0, 0.02);
            points.add(new MetricPoint("loss", s, v, Instant.ofEpochMilli(wall + s * 100L)));
            if (s < 20 && (state != TrialState.PRUNED || s < 8)) {
                storage.setIntermediateValue(id, s, v);
            }
        }
        storage.logMetrics(id, points);
        storage.finishTrial(id, state, state == TrialState.COMPLETE ? List.of(target) : List.of(),
                state == TrialState.FAIL ? "diverged" : null);
    }

    private void run(long study, int steps, SplittableRandom random) {
        long id = storage.createRunningTrial(study).id();
        double rate = random.nextDouble(1e-4, 1e-3);
        List<MetricPoint> points = new ArrayList<>(steps);
        for (int s = 0; s < steps; s++) {
            points.add(new MetricPoint("loss", s, Math.exp(-rate * s) + random.nextDouble(0, 0.05),
                    Instant.ofEpochMilli(EPOCH_MILLIS + s * 250L)));
        }
        storage.logMetrics(id, points);
        List<LoggedSummary> histograms = new ArrayList<>(HISTOGRAM_TAGS * HISTOGRAM_STEPS);
        for (int s = 0; s < HISTOGRAM_STEPS; s++) {
            for (int tag = 0; tag < HISTOGRAM_TAGS; tag++) {
                double spread = 0.05 + 0.5 * Math.exp(-rate * 100 * s) + 0.02 * tag;
                double[] weights = random.doubles(200).map(u -> (u - 0.5) * 2 * spread).toArray();
                histograms.add(new LoggedSummary("weights/layer" + tag, s, Instant.ofEpochMilli(EPOCH_MILLIS + s * 250L),
                        Histogram.of(weights)));
            }
        }
        storage.logSummaries(id, histograms);
        storage.finishTrial(id, TrialState.COMPLETE, List.of(points.get(steps - 1).value()), null);
    }
}
