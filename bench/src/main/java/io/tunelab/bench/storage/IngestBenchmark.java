package io.tunelab.bench.storage;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.tracker.metrics.IngestStages;
import io.tunelab.tracker.setup.Tracker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Metric ingest measured as a training loop produces it: 10 trials, each logging 5 series
 * ({@code loss}, {@code val_loss}, {@code accuracy}, {@code val_accuracy}, {@code lr}) one step at a
 * time, from the first {@code logMetrics} to {@code flush()} returning (every point committed).
 * Repeated on fresh studies of the same database; the figure is reported as min, median and max,
 * with the writer's time split by stage ({@link IngestStages}) summed over the repeats, and the CPU
 * time of the threads involved ({@link ThreadCpu}: the writer, H2's background store writer that
 * performs its checkpoints, the caller, the rest) per point.
 */
public final class IngestBenchmark {
    private static final String[] SERIES = {"loss", "val_loss", "accuracy", "val_accuracy", "lr"};
    private static final int TRIALS = 10;

    private IngestBenchmark() {
    }

    /**
     * One measurement per repeat, after an unreported warm-up of up to 200,000 points.
     *
     * @param tracker the tracker measured (its database already open)
     * @param points  points per repeat
     * @param repeats how many measurements
     */
    public static List<BenchResult> run(Tracker tracker, int points, int repeats) {
        once(tracker, "bench-ingest-warmup", Math.min(200_000, points));
        double[] rates = new double[repeats];
        double[] callRates = new double[repeats];
        long wall = 0;
        IngestStages before = tracker.ingestStages();
        Map<String, Long> cpuBefore = ThreadCpu.snapshot();
        for (int r = 0; r < repeats; r++) {
            long[] times = once(tracker, "bench-ingest-" + r, points);
            rates[r] = points / (times[1] / 1e9);
            callRates[r] = points / (times[0] / 1e9);
            wall += times[1];
        }
        IngestStages stages = tracker.ingestStages().minus(before);
        Map<String, Long> cpu = ThreadCpu.between(cpuBefore, ThreadCpu.snapshot());
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        List<BenchResult> out = new ArrayList<>();
        out.add(new BenchResult("metric_ingest_min", sorted[0], "points/s"));
        out.add(new BenchResult("metric_ingest_median", sorted[repeats / 2], "points/s"));
        out.add(new BenchResult("metric_ingest_max", sorted[repeats - 1], "points/s"));
        out.add(new BenchResult("metric_log_call", median(callRates), "points/s"));
        out.addAll(stageResults(stages, wall));
        long total = (long) points * repeats;
        cpu.forEach((role, nanos) -> out.add(new BenchResult("cpu_" + role.replace(' ', '_'), (double) nanos / total,
                "ns/point")));
        return out;
    }

    /** Per-point nanoseconds of each stage, the points per transaction, and the writer's busy share. */
    static List<BenchResult> stageResults(IngestStages s, long wallNanos) {
        double points = Math.max(1, s.points());
        List<BenchResult> out = new ArrayList<>();
        out.add(new BenchResult("stage_handoff", s.handoffNanos() / points, "ns/point (caller)"));
        out.add(new BenchResult("stage_batching", s.batchNanos() / points, "ns/point"));
        out.add(new BenchResult("stage_series_rows", s.seriesNanos() / points, "ns/point"));
        out.add(new BenchResult("stage_insert", s.insertNanos() / points, "ns/point"));
        out.add(new BenchResult("stage_summary", s.summaryNanos() / points, "ns/point"));
        out.add(new BenchResult("stage_commit", s.commitNanos() / points, "ns/point"));
        out.add(new BenchResult("ingest_points_per_commit", points / Math.max(1, s.batches()), "points"));
        out.add(new BenchResult("ingest_writer_busy", 100.0 * s.writerNanos() / Math.max(1, wallNanos), "% of wall"));
        return out;
    }

    /** Logs {@code points} points into a new study and returns {log calls done, flush returned} in ns. */
    private static long[] once(Tracker tracker, String name, int points) {
        long study = tracker.storage().createStudy(name, List.of(Direction.MINIMIZE)).id();
        long[] trials = new long[TRIALS];
        for (int i = 0; i < trials.length; i++) {
            trials[i] = tracker.storage().createRunningTrial(study).id();
        }
        Instant now = Instant.now();
        long t0 = System.nanoTime();
        int logged = 0;
        for (long step = 0; logged < points; step++) {
            for (int t = 0; t < trials.length && logged < points; t++) {
                List<MetricPoint> batch = new ArrayList<>(SERIES.length);
                for (int k = 0; k < SERIES.length && logged < points; k++, logged++) {
                    batch.add(new MetricPoint(SERIES[k], step, 1.0 / (step + 1 + k), now));
                }
                tracker.storage().logMetrics(trials[t], batch);
            }
        }
        long logEnd = System.nanoTime();
        tracker.storage().flush();
        return new long[] {logEnd - t0, System.nanoTime() - t0};
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
