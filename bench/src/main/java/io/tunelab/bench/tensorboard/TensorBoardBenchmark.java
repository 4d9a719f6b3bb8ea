package io.tunelab.bench.tensorboard;

import io.tunelab.bench.storage.BenchResult;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.tensorboard.event.EventFileReader;
import io.tunelab.tensorboard.event.EventFileWriter;
import io.tunelab.tensorboard.event.LogdirFiles;
import io.tunelab.tensorboard.imports.ImportReport;
import io.tunelab.tensorboard.imports.LogdirImporter;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures TensorBoard event files against the embedded tracker (H2 file database, one process), on a
 * logdir of {@code runs} runs × 10 tags × {@code steps} steps of scalars:
 * <ol>
 *   <li>{@code tensorboard_write}: scalar points per second written by {@code EventFileWriter};</li>
 *   <li>{@code tensorboard_read}: points per second parsed back (CRCs checked), no database;</li>
 *   <li>{@code tensorboard_import}: points per second of {@code tunelab import tensorboard}, from the first file
 *       read to every point written and readable in the tracker (the issue asks for 200,000 or more);</li>
 *   <li>{@code metric_ingest_same_points}: the same number of points sent straight to {@code logMetrics} in the
 *       same batches, the in-run reference the import figure is to be read against (its ceiling).</li>
 * </ol>
 * A warm-up import of a tenth of the size runs first. Not a test: figures depend on the machine and its load.
 */
public final class TensorBoardBenchmark {
    static final int TAGS = 10;

    /**
     * Sizes of a run.
     *
     * @param directory where the logdirs and the database are made (deleted by the caller)
     * @param runs      run directories
     * @param steps     steps per tag
     */
    public record Options(Path directory, int runs, int steps) {
        public long points() {
            return (long) runs * TAGS * steps;
        }
    }

    private TensorBoardBenchmark() {
    }

    public static List<BenchResult> run(Options o) {
        List<BenchResult> out = new ArrayList<>();
        Path warmLogdir = o.directory().resolve("warm-logdir");
        write(warmLogdir, new Options(o.directory(), Math.max(1, o.runs() / 10), o.steps()));
        Path logdir = o.directory().resolve("logdir");
        long t0 = System.nanoTime();
        write(logdir, o);
        out.add(rate("tensorboard_write", o.points(), t0));
        t0 = System.nanoTime();
        long read = read(logdir);
        out.add(rate("tensorboard_read", read, t0));
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(o.directory().resolve("tracker")))) {
            new LogdirImporter(tracker.storage(), "tag0", Direction.MINIMIZE).importLogdir(warmLogdir, "bench-warm");
            t0 = System.nanoTime();
            ImportReport report = new LogdirImporter(tracker.storage(), "tag0", Direction.MINIMIZE).importLogdir(logdir, "bench-import");
            out.add(rate("tensorboard_import", report.scalars(), t0));
            t0 = System.nanoTime();
            ingest(tracker, o);
            out.add(rate("metric_ingest_same_points", o.points(), t0));
        }
        return out;
    }

    private static void write(Path logdir, Options o) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int r = 0; r < o.runs(); r++) {
            try (EventFileWriter w = EventFileWriter.create(logdir.resolve("run-" + r), t)) {
                for (int step = 0; step < o.steps(); step++) {
                    for (int tag = 0; tag < TAGS; tag++) {
                        w.scalar("tag" + tag, step, t.plusMillis(step), Math.sin(step * 0.01 + tag) + r);
                    }
                }
            }
        }
    }

    private static long read(Path logdir) {
        long[] count = new long[1];
        try (Stream<Path> files = Files.walk(logdir)) {
            for (Path f : files.filter(LogdirFiles::isEventsFile).toList()) {
                EventFileReader.read(f, p -> count[0]++, p -> {
                    throw new IllegalStateException("corrupt record in a file just written: " + p);
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count[0];
    }

    private static void ingest(Tracker tracker, Options o) {
        long studyId = tracker.storage().createStudy("bench-ingest-same", List.of(Direction.MINIMIZE)).id();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int r = 0; r < o.runs(); r++) {
            long trialId = tracker.storage().createRunningTrial(studyId).id();
            List<MetricPoint> batch = new ArrayList<>();
            for (int step = 0; step < o.steps(); step++) {
                for (int tag = 0; tag < TAGS; tag++) {
                    batch.add(new MetricPoint("tag" + tag, step, Math.sin(step * 0.01 + tag) + r, t.plusMillis(step)));
                    if (batch.size() == 20_000) {
                        tracker.storage().logMetrics(trialId, batch);
                        batch = new ArrayList<>();
                    }
                }
            }
            tracker.storage().logMetrics(trialId, batch);
        }
        tracker.storage().flush();
    }

    private static BenchResult rate(String metric, long points, long t0) {
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new BenchResult(metric, points / seconds, "points/s");
    }
}
