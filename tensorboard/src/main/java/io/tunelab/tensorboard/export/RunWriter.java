package io.tunelab.tensorboard.export;

import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.trial.Direction;
import io.tunelab.tensorboard.event.EventFileWriter;
import io.tunelab.tensorboard.event.HParamsSummaries;
import io.tunelab.tensorboard.event.Summaries;
import io.tunelab.tensorboard.proto.SessionStatus;
import io.tunelab.tensorboard.proto.Summary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Writes one trial's run directory in {@link KerasLayout}: its metrics to {@code train/} and {@code validation/},
 * its histograms, images, texts and PR curves to {@code train/} (per-epoch ones at the epoch's step), its objective
 * values, intermediate values and HParams session to the run directory itself. The events file of a directory is
 * made when its first value comes. Both {@link StudyExporter} and the live writer write runs with it, so an export
 * and {@code fit.tensorboard_dir} agree.
 * Not thread-safe; {@link #close} flushes everything written.
 */
public final class RunWriter implements AutoCloseable {
    private final Path runDir;
    private final Instant created;
    private final Map<String, EventFileWriter> writers = new HashMap<>();
    private final Set<String> described = new HashSet<>();
    private final Map<String, String> summaryDescriptions = new HashMap<>();
    private long lastStep;

    /** A writer of run directory {@code runDir}, whose events files are named as created at {@code created}. */
    public RunWriter(Path runDir, Instant created) {
        this.runDir = runDir;
        this.created = created;
    }

    /** Writes metric {@code name}'s value at Tunelab step {@code step} where {@link KerasLayout#of} says. */
    public void metric(String name, long step, Instant wallTime, double value) {
        KerasLayout.Place place = KerasLayout.of(name, step);
        String key = place.subdir() + "/" + place.tag();
        String description = described.add(key) ? KerasLayout.description(name) : "";
        writer(place.subdir()).write(place.step(), wallTime, Summaries.scalar(place.tag(), value, description));
        lastStep = Math.max(lastStep, place.step());
    }

    /**
     * Writes objective value {@code value} as {@code tag} at the last step written so far, its first record with the
     * direction the study takes it in.
     */
    public void objective(String tag, Direction direction, Instant wallTime, double value) {
        String description = described.add(tag) ? KerasLayout.objectiveDescription(direction) : "";
        writer("").write(lastStep, wallTime, Summaries.scalar(tag, value, description));
    }

    /** Writes a reported (intermediate) value at its own step. */
    public void intermediate(int step, Instant wallTime, double value) {
        writer("").scalar(StudyExporter.INTERMEDIATE_TAG, step, wallTime, value);
        lastStep = Math.max(lastStep, step);
    }

    /**
     * Writes a histogram, image, text or PR curve to {@code train/}, at the step {@link KerasLayout#summaryStep} says
     * for its tag.
     */
    public void summary(LoggedSummary summary) {
        summary(summary.tag(), summary.step(), summary.wallTime(), Summaries.of(summary));
    }

    /** Writes an image at Tunelab step {@code step} as {@link #summary} writes one. */
    public void image(String tag, long step, Instant wallTime, byte[] png) {
        summary(tag, step, wallTime, Summaries.image(tag, png));
    }

    private void summary(String tag, long step, Instant wallTime, Summary.Value value) {
        boolean first = !summaryDescriptions.containsKey(tag);
        String description = summaryDescriptions.computeIfAbsent(tag, t -> KerasLayout.summaryDescription(step));
        long placed = KerasLayout.summaryStep(description, step);
        writer(KerasLayout.TRAIN).write(placed, wallTime, Summaries.described(value, first ? description : ""));
        lastStep = Math.max(lastStep, placed);
    }

    /** Writes the HParams session start: the trial's parameters and when it started. */
    public void sessionStart(Map<String, Object> params, Instant start) {
        writer("").write(0, start, HParamsSummaries.sessionStart(params, "", start));
    }

    /** Writes the HParams session end at the last step written. */
    public void sessionEnd(SessionStatus status, Instant end) {
        writer("").write(lastStep, end, HParamsSummaries.sessionEnd(status, end));
    }

    /** The largest step written so far (0 before any). */
    public long lastStep() {
        return lastStep;
    }

    /** Makes everything written so far visible to TensorBoard. */
    public void flush() {
        writers.values().forEach(EventFileWriter::flush);
    }

    /** Closes every events file, each even when closing another failed; the first failure is thrown. */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (EventFileWriter w : writers.values()) {
            try {
                w.close();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private EventFileWriter writer(String subdir) {
        return writers.computeIfAbsent(subdir, d -> EventFileWriter.create(d.isEmpty() ? runDir : runDir.resolve(d), created));
    }
}
