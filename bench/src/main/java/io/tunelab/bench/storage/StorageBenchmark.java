package io.tunelab.bench.storage;

import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures the tracker (by default an embedded H2 file database, one process):
 * <ol>
 *   <li>{@code disk_fsync}: synchronous 4 KiB writes per second in the database's directory
 *       ({@link FsyncProbe}), the in-run reference that makes figures comparable across machines.</li>
 *   <li>{@code metric_ingest_min|median|max}: points per second through the batched writer, over
 *       {@code repeats} runs, with the time per stage ({@link IngestBenchmark}).</li>
 *   <li>{@code trial_throughput}: trials per second of {@code Study.optimize} with the random sampler
 *       and an instant objective (two parameters), one worker thread, after a warm-up study.</li>
 *   <li>{@code read_trials_cold} / {@code read_trials_warm}: milliseconds to read that study's whole
 *       trial list from a freshly opened tracker (median of 3 reopenings), then again from its cache.</li>
 *   <li>{@code read_downsampled}: milliseconds to read one series of {@code seriesPoints} points
 *       downsampled to 1,000 (median of 5 after one warm-up).</li>
 * </ol>
 * Not a test: figures depend on the machine. Uses its own database directory, deleted afterwards.
 */
public final class StorageBenchmark {

    /**
     * Sizes of a run.
     *
     * @param directory    where the embedded database (or, with {@code jdbcUrl}, the artifacts) is created
     * @param ingestPoints points logged per ingest measurement
     * @param repeats      ingest measurements
     * @param trials       trials of the throughput study (also the study read back)
     * @param seriesPoints points of the series read downsampled
     * @param jdbcUrl      another database to measure (e.g. {@code jdbc:postgresql://…}), or null for H2 in
     *                     {@code directory}
     */
    public record Options(Path directory, int ingestPoints, int repeats, int trials, int seriesPoints, String jdbcUrl) {
        /** The sizes of the reported figures: 5 × 1,000,000 points, 10,000 trials, a 100,000-point series. */
        public static Options full(Path directory) {
            return new Options(directory, 1_000_000, 5, 10_000, 100_000, null);
        }

        TrackerConfig config() {
            return jdbcUrl == null ? TrackerConfig.inDirectory(directory)
                    : TrackerConfig.forUrl(jdbcUrl, directory.resolve("artifacts"));
        }
    }

    private StorageBenchmark() {
    }

    /** Runs every measurement and returns the figures. */
    public static List<BenchResult> run(Options o) {
        List<BenchResult> out = new ArrayList<>();
        out.add(new BenchResult("disk_fsync", FsyncProbe.writesPerSecond(o.directory(), 200, 2_000), "fsync/s"));
        TrackerConfig config = o.config();
        long studyId;
        try (Tracker tracker = Tracker.open(config)) {
            out.addAll(IngestBenchmark.run(tracker, o.ingestPoints(), o.repeats()));
            warmUp(tracker, Math.min(1_000, o.trials()));
            studyId = throughput(tracker, o.trials(), out);
            downsampled(tracker, o.seriesPoints(), out);
        }
        double[] cold = new double[3];
        double warm = 0;
        int count = 0;
        for (int i = 0; i < cold.length; i++) {
            try (Tracker fresh = Tracker.open(config)) {
                long t0 = System.nanoTime();
                count = fresh.storage().trials(studyId, EnumSet.allOf(TrialState.class)).size();
                cold[i] = millisSince(t0);
                t0 = System.nanoTime();
                fresh.storage().trials(studyId, EnumSet.allOf(TrialState.class));
                warm = millisSince(t0);
            }
        }
        out.add(new BenchResult("read_trials_cold", median(cold), "ms"));
        out.add(new BenchResult("read_trials_warm", warm, "ms"));
        out.add(new BenchResult("read_trials_count", count, "trials"));
        return out;
    }

    private static void warmUp(Tracker tracker, int trials) {
        Study warm = Study.builder("bench-warmup").storage(tracker.storage()).seed(1).sampler(RandomSampler::new).create();
        warm.optimize(t -> t.suggestFloat("x", -5, 5) + t.suggestInt("n", 1, 100), OptimizeOptions.trials(trials)
                .withParallelism(1));
    }

    private static long throughput(Tracker tracker, int trials, List<BenchResult> out) {
        Study study = Study.builder("bench-trials").storage(tracker.storage()).seed(2).sampler(RandomSampler::new).create();
        long t0 = System.nanoTime();
        study.optimize(t -> t.suggestFloat("x", -5, 5) + t.suggestInt("n", 1, 100), OptimizeOptions.trials(trials)
                .withParallelism(1));
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.add(new BenchResult("trial_throughput", trials / seconds, "trials/s"));
        return study.studyId();
    }

    private static void downsampled(Tracker tracker, int points, List<BenchResult> out) {
        long study = tracker.storage().createStudy("bench-series", List.of(Direction.MINIMIZE)).id();
        FrozenTrial trial = tracker.storage().createRunningTrial(study);
        Instant now = Instant.now();
        List<MetricPoint> batch = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            batch.add(new MetricPoint("loss", i, Math.exp(-i / 20_000.0) + Math.sin(i) * 0.01, now));
            if (batch.size() == 1_000) {
                tracker.storage().logMetrics(trial.id(), batch);
                batch = new ArrayList<>();
            }
        }
        tracker.storage().logMetrics(trial.id(), batch);
        tracker.storage().flush();
        tracker.metrics().downsampled(trial.id(), "loss", 1_000);
        double[] runs = new double[5];
        for (int i = 0; i < runs.length; i++) {
            long t0 = System.nanoTime();
            tracker.metrics().downsampled(trial.id(), "loss", 1_000);
            runs[i] = millisSince(t0);
        }
        out.add(new BenchResult("read_downsampled", median(runs), "ms"));
    }

    private static double median(double[] runs) {
        double[] sorted = runs.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double millisSince(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    /**
     * {@code StorageBenchmark [--csv FILE] [--dir DIR] [--points N] [--repeats N] [--trials N] [--series N]
     * [--storage URL]}: runs the
     * benchmark, prints the table and writes the CSV (default {@code bench-storage.csv}).
     */
    public static void main(String[] args) throws IOException {
        Path csv = Path.of("bench-storage.csv");
        Path dir = null;
        Options sizes = Options.full(null);
        int points = sizes.ingestPoints();
        int repeats = sizes.repeats();
        String url = null;
        int trials = sizes.trials();
        int series = sizes.seriesPoints();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--csv" -> csv = Path.of(args[i + 1]);
                case "--dir" -> dir = Path.of(args[i + 1]);
                case "--points" -> points = Integer.parseInt(args[i + 1]);
                case "--repeats" -> repeats = Integer.parseInt(args[i + 1]);
                case "--storage" -> url = args[i + 1];
                case "--trials" -> trials = Integer.parseInt(args[i + 1]);
                case "--series" -> series = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; expected --csv, --dir, --points, --repeats, --trials, --series or --storage");
            }
        }
        boolean temporary = dir == null;
        Path work = temporary ? Files.createTempDirectory("tunelab-bench") : dir;
        try {
            List<BenchResult> results = run(new Options(work, points, repeats, trials, series, url));
            print(results, csv, System.out);
        } finally {
            if (temporary) {
                deleteTree(work);
            }
        }
    }

    /** Prints the table and writes the CSV file. */
    public static void print(List<BenchResult> results, Path csv, PrintStream out) throws IOException {
        out.print(BenchResult.table(results));
        Files.writeString(csv, BenchResult.csv(results));
        out.println("wrote " + csv.toAbsolutePath());
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
