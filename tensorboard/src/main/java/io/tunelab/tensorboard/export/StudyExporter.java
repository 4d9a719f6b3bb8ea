package io.tunelab.tensorboard.export;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.storage.StorageException;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.summary.WeightHistogramTags;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tensorboard.TensorBoardException;
import io.tunelab.tensorboard.event.EventFileWriter;
import io.tunelab.tensorboard.event.HParamsSummaries;
import io.tunelab.tensorboard.event.ImageArtifacts;
import io.tunelab.tensorboard.event.LogdirFiles;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.artifact.ArtifactRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes a study as a TensorBoard logdir: one run directory per trial ({@link RunNames#of}) written by
 * {@link RunWriter}, as {@code fit.tensorboard_dir} writes it live: its scalar series in Keras's layout
 * ({@link KerasLayout}: {@code train/epoch_loss}, {@code validation/epoch_loss}, steps from epoch 0), and in the run
 * directory itself its reported (intermediate) values as {@value #INTERMEDIATE_TAG}, its objective values as
 * {@link ObjectiveTags} (each described with its direction) at its last step and its HParams session; in
 * {@code train/} its histograms (weight histograms logged under DJL's names renamed as Keras names them,
 * {@link WeightHistogramTags#renamed}), images, texts, PR curves and image artifacts ({@link ImageArtifacts}, as
 * earlier imports stored images) as images; the logdir's root holds the HParams experiment (every parameter with its
 * domain, every scalar tag as a metric of its group, {@code validation/epoch_loss}), so TensorBoard's HParams tab
 * shows the study as a table.
 */
public final class StudyExporter {
    public static final String INTERMEDIATE_TAG = "intermediate_value";

    /** What an export wrote. */
    public record Exported(int runs, long scalars) {
    }

    private final TrialStorage storage;
    private final ArtifactRepository artifacts;

    /**
     * Exports from {@code storage}, reading artifact files through {@code artifacts}, which refuses a URI
     * outside its root: an artifact row names any path a writer of the database chose.
     */
    public StudyExporter(TrialStorage storage, ArtifactRepository artifacts) {
        this.storage = storage;
        this.artifacts = artifacts;
    }

    /** Exports from {@code tracker}'s storage and artifact root. */
    public StudyExporter(Tracker tracker) {
        this(tracker.storage(), tracker.artifacts());
    }

    /** Exports study {@code name} into {@code logdir}, which must not hold events files yet. */
    public Exported export(String name, Path logdir) {
        StudyRecord study = storage.findStudy(name)
                .orElseThrow(() -> new TensorBoardException("no study named '" + name + "'; `tunelab studies` lists them"));
        requireNoEvents(logdir);
        List<FrozenTrial> trials = storage.trials(study.id(), EnumSet.allOf(TrialState.class));
        Map<String, Distribution> parameters = new LinkedHashMap<>();
        Map<String, HParamsSummaries.Metric> metrics = new TreeMap<>();
        long scalars = 0;
        for (FrozenTrial trial : trials) {
            trial.distributions().forEach(parameters::putIfAbsent);
            scalars += exportTrial(trial, new ObjectiveTags(study.directions()), logdir.resolve(RunNames.of(trial.number())), metrics);
        }
        try (EventFileWriter root = EventFileWriter.create(logdir, study.created())) {
            root.write(0, study.created(), HParamsSummaries.experiment(study.name(), parameters, metrics.values(),
                    study.created()));
        }
        return new Exported(trials.size(), scalars);
    }

    private long exportTrial(FrozenTrial trial, ObjectiveTags objectives, Path runDir,
            Map<String, HParamsSummaries.Metric> metrics) {
        Instant start = trial.start() != null ? trial.start() : Instant.EPOCH;
        long written = 0;
        try (RunWriter w = new RunWriter(runDir, start)) {
            w.sessionStart(trial.params(), start);
            for (String metric : storage.metricNames(trial.id())) {
                KerasLayout.Place place = KerasLayout.of(metric, 0);
                metrics.putIfAbsent(place.subdir() + "/" + place.tag(),
                        new HParamsSummaries.Metric(place.subdir(), place.tag(), KerasLayout.description(metric)));
                for (MetricPoint p : storage.metrics(trial.id(), metric)) {
                    w.metric(metric, p.step(), p.wallTime(), p.value());
                    written++;
                }
            }
            Instant end = trial.end() != null ? trial.end() : start;
            for (Map.Entry<Integer, Double> e : trial.intermediateValues().entrySet()) {
                metrics.putIfAbsent(INTERMEDIATE_TAG, new HParamsSummaries.Metric("", INTERMEDIATE_TAG, ""));
                w.intermediate(e.getKey(), end, e.getValue());
                written++;
            }
            List<SummaryTag> tags = storage.summaryTags(trial.id());
            Map<String, String> renamed = WeightHistogramTags.renamed(tags.stream().map(SummaryTag::tag).toList());
            for (SummaryTag tag : tags) {
                for (LoggedSummary summary : storage.summaries(trial.id(), tag.tag())) {
                    if (summary.kind() == tag.kind()) {
                        w.summary(new LoggedSummary(renamed.get(tag.tag()), summary.step(), summary.wallTime(),
                                summary.value()));
                    }
                }
            }
            List<Double> values = trial.values();
            for (int i = 0; i < values.size(); i++) {
                metrics.putIfAbsent(ObjectiveTags.tag(i, values.size()), objectives.metric(i, values.size()));
            }
            written += objectives.write(w, end, values);
            for (ArtifactRef artifact : storage.artifacts(trial.id())) {
                ImageArtifacts.parse(artifact.name()).ifPresent(at -> w.image(at.tag(), at.step(), end, read(artifact)));
            }
            if (trial.state() != TrialState.RUNNING && trial.state() != TrialState.WAITING) {
                w.sessionEnd(RunNames.status(trial.state()), end);
            }
        }
        return written;
    }

    private byte[] read(ArtifactRef artifact) {
        try (InputStream in = artifacts.open(artifact)) {
            return in.readAllBytes();
        } catch (IOException | StorageException e) {
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
