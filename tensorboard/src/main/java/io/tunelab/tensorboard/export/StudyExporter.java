package io.tunelab.tensorboard.export;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tensorboard.TensorBoardException;
import io.tunelab.tensorboard.event.EventFileWriter;
import io.tunelab.tensorboard.event.HParamsSummaries;
import io.tunelab.tensorboard.event.ImageArtifacts;
import io.tunelab.tensorboard.event.LogdirFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes a study as a TensorBoard logdir: one run directory per trial ({@link RunNames#of}) holding its
 * scalar series, its reported (intermediate) values as {@value #INTERMEDIATE_TAG}, its objective values as
 * {@value #OBJECTIVE_TAG} at its last step, its histograms, images, texts and PR curves, its image artifacts
 * ({@link ImageArtifacts}, as earlier imports stored images) as images, and its
 * HParams session; the logdir's root holds the HParams
 * experiment (every parameter with its domain, every scalar tag as a metric), so TensorBoard's HParams tab
 * shows the study as a table.
 */
public final class StudyExporter {
    public static final String INTERMEDIATE_TAG = "intermediate_value";
    public static final String OBJECTIVE_TAG = "objective";

    /** What an export wrote. */
    public record Exported(int runs, long scalars) {
    }

    private final TrialStorage storage;

    public StudyExporter(TrialStorage storage) {
        this.storage = storage;
    }

    /** Exports study {@code name} into {@code logdir}, which must not hold events files yet. */
    public Exported export(String name, Path logdir) {
        StudyRecord study = storage.findStudy(name)
                .orElseThrow(() -> new TensorBoardException("no study named '" + name + "'; `tunelab studies` lists them"));
        requireNoEvents(logdir);
        List<FrozenTrial> trials = storage.trials(study.id(), EnumSet.allOf(TrialState.class));
        Map<String, Distribution> parameters = new LinkedHashMap<>();
        TreeSet<String> tags = new TreeSet<>();
        long scalars = 0;
        for (FrozenTrial trial : trials) {
            trial.distributions().forEach(parameters::putIfAbsent);
            scalars += exportTrial(trial, logdir.resolve(RunNames.of(trial.number())), tags);
        }
        try (EventFileWriter root = EventFileWriter.create(logdir, study.created())) {
            root.write(0, study.created(), HParamsSummaries.experiment(study.name(), parameters, tags, study.created()));
        }
        return new Exported(trials.size(), scalars);
    }

    private long exportTrial(FrozenTrial trial, Path runDir, TreeSet<String> tags) {
        Instant start = trial.start() != null ? trial.start() : Instant.EPOCH;
        long written = 0;
        long lastStep = 0;
        try (EventFileWriter w = EventFileWriter.create(runDir, start)) {
            w.write(0, start, HParamsSummaries.sessionStart(trial.params(), "", start));
            for (String metric : storage.metricNames(trial.id())) {
                tags.add(metric);
                for (MetricPoint p : storage.metrics(trial.id(), metric)) {
                    w.scalar(metric, p.step(), p.wallTime(), p.value());
                    lastStep = Math.max(lastStep, p.step());
                    written++;
                }
            }
            Instant end = trial.end() != null ? trial.end() : start;
            for (Map.Entry<Integer, Double> e : trial.intermediateValues().entrySet()) {
                tags.add(INTERMEDIATE_TAG);
                w.scalar(INTERMEDIATE_TAG, e.getKey(), end, e.getValue());
                lastStep = Math.max(lastStep, e.getKey());
                written++;
            }
            List<Double> values = trial.values();
            for (int i = 0; i < values.size(); i++) {
                String tag = values.size() == 1 ? OBJECTIVE_TAG : OBJECTIVE_TAG + "_" + i;
                tags.add(tag);
                w.scalar(tag, lastStep, end, values.get(i));
                written++;
            }
            for (SummaryTag tag : storage.summaryTags(trial.id())) {
                for (LoggedSummary summary : storage.summaries(trial.id(), tag.tag())) {
                    if (summary.kind() == tag.kind()) {
                        w.summary(summary);
                        lastStep = Math.max(lastStep, summary.step());
                    }
                }
            }
            for (ArtifactRef artifact : storage.artifacts(trial.id())) {
                ImageArtifacts.parse(artifact.name()).ifPresent(at -> w.image(at.tag(), at.step(), end, read(artifact)));
            }
            if (trial.state() != TrialState.RUNNING && trial.state() != TrialState.WAITING) {
                w.write(lastStep, end, HParamsSummaries.sessionEnd(RunNames.status(trial.state()), end));
            }
        }
        return written;
    }

    private static byte[] read(ArtifactRef artifact) {
        try {
            return Files.readAllBytes(Path.of(artifact.uri()));
        } catch (IOException | IllegalArgumentException e) {
            throw new TensorBoardException("image artifact '" + artifact.name() + "' at " + artifact.uri()
                    + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void requireNoEvents(Path logdir) {
        if (!Files.exists(logdir)) {
            return;
        }
        if (!Files.isDirectory(logdir)) {
            throw new TensorBoardException("--out " + logdir + " is a file; expected a directory (new or empty)");
        }
        try (Stream<Path> files = Files.walk(logdir, 2)) {
            if (files.anyMatch(LogdirFiles::isEventsFile)) {
                throw new TensorBoardException("--out " + logdir + " already holds TensorBoard events files; expected a new"
                        + " or empty directory (TensorBoard would show both exports)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
