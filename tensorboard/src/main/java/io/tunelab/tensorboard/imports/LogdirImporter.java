package io.tunelab.tensorboard.imports;

import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tensorboard.TensorBoardException;
import io.tunelab.tensorboard.event.LogdirFiles;
import io.tunelab.tensorboard.export.KerasLayout;
import io.tunelab.tensorboard.export.ObjectiveTags;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads a TensorBoard logdir into a study: each run ({@link LogdirRun}: a directory holding events files, or a Keras
 * run's directory, whose {@code train/} and {@code validation/} make one run, as Keras's callback, Tunelab's export
 * and its {@code tensorboard_dir} write one per trial; the metrics Tunelab wrote come back with their own names and
 * steps, {@code loss}, {@code val_loss} from epoch 1, {@link KerasLayout}) becomes one trial, whose scalars become its
 * metric series (a Keras run's train scalars as {@code train/TAG}, its validation scalars under their own tags, so
 * that the objective value comes from the validation curve), whose histograms, images, texts and PR curves its
 * summaries, and whose HParams session start's values (or, as Keras's {@code hp.KerasCallback} writes them, its parent
 * directory's) its parameters, with the distributions {@link ImportedParams} gives them ({@link RunImport} loads a
 * run). The trial's objective value is the last (or best, {@link RunValue}) value of its {@code metric} tag, or, for a
 * multi-objective study's export, its values those of every objective tag ({@link #metricsOf}), each with the
 * direction the logdir says. It ends in the state its HParams session end says (success COMPLETE, failure FAIL,
 * unknown PRUNED, as Tunelab's export writes them) with its session's start and end times; a run without a session end
 * ends COMPLETE, or PRUNED without a {@code metric} value. A run still running (Keras's {@code hp.KerasCallback} or
 * Tunelab's {@code tensorboard_dir} while it trains: its session started, has not ended and its events were written in
 * the last {@link #STILL_WRITING}; or its session ended as running) is left for a later import, which imports it once
 * it has ended.
 *
 * <p>The logdir is read once ({@link LogdirSurvey}) before anything is stored, and refused, with nothing created, when
 * not one value could be read from it or when no run has the {@code metric} tag ({@link UnknownMetricException}). A
 * study that exists must have the import's directions. Corrupt or truncated records are skipped and reported with file
 * and offset. Each trial remembers the run directory it came from ({@value #SOURCE_ATTR}), so importing the same
 * logdir again adds nothing.
 */
public final class LogdirImporter {
    /** System attribute: the absolute path of the run directory a trial was imported from. */
    public static final String SOURCE_ATTR = "tensorboard_source";
    /** System attribute: the run's name, its directory relative to the logdir. */
    public static final String RUN_ATTR = "tensorboard_run";
    /**
     * How recently a run whose HParams session started and has not ended must have been written to count as still
     * running: Keras's {@code hp.KerasCallback} and Tunelab's {@code tensorboard_dir} end their sessions, but
     * {@code hp.hparams()} as TensorFlow's HParams tutorial uses it never does, and a killed run cannot.
     */
    public static final Duration STILL_WRITING = Duration.ofMinutes(10);
    /** The objective tag of a logdir without Tunelab's: Keras's loss. */
    public static final String KERAS_METRIC = "epoch_loss";

    private final TrialStorage storage;
    private final String metric;
    private final RunValue value;
    private final DirectionChoice direction;

    /**
     * Chooses an import's direction once the logdir is known to be readable and to hold the metric: so that a
     * mistyped metric is reported as such, not as a name that says no direction.
     */
    @FunctionalInterface
    public interface DirectionChoice {
        /**
         * The direction to import {@code metric} with into {@code existing} (empty for a new study), given the one the
         * logdir says (Tunelab's objective tag says its study's, {@link KerasLayout#objectiveDescription}; empty
         * when it says none).
         *
         * @throws RuntimeException to refuse the import
         */
        Direction choose(String metric, Optional<StudyRecord> existing, Optional<Direction> logdirSays);
    }

    /**
     * An importer into {@code storage} whose objective value is the last value of scalar tag {@code metric}, better
     * in {@code direction}.
     */
    public LogdirImporter(TrialStorage storage, String metric, Direction direction) {
        this(storage, metric, RunValue.LAST, (m, existing, said) -> direction);
    }

    /**
     * An importer whose objective value is the {@code value} point of scalar tag {@code metric} or, when
     * {@code metric} is null, of the tag the logdir's layout says ({@link #metricOf}), better in the direction
     * {@code direction} chooses.
     */
    public LogdirImporter(TrialStorage storage, String metric, RunValue value, DirectionChoice direction) {
        this.storage = storage;
        this.metric = metric;
        this.value = value;
        this.direction = direction;
    }

    /**
     * The tags an import without {@code --metric} takes the objective values from: Tunelab's
     * {@value ObjectiveTags#OBJECTIVE_TAG} when a run has it (an export or a study's {@code tensorboard_dir}), else
     * those of a multi-objective study's export, {@code objective_0}, {@code objective_1}... (each described with its
     * direction), else Keras's {@value #KERAS_METRIC}.
     */
    static List<String> metricsOf(Set<String> scalarTags) {
        if (scalarTags.contains(ObjectiveTags.OBJECTIVE_TAG)) {
            return List.of(ObjectiveTags.OBJECTIVE_TAG);
        }
        List<String> objectives = new ArrayList<>();
        while (scalarTags.contains(ObjectiveTags.tag(objectives.size(), 2))) {
            objectives.add(ObjectiveTags.tag(objectives.size(), 2));
        }
        return objectives.isEmpty() ? List.of(KERAS_METRIC) : List.copyOf(objectives);
    }

    /**
     * Imports {@code logdir} into study {@code studyName}, creating the study if needed.
     *
     * @throws TensorBoardException naming the logdir, the study or the tag when nothing is to be imported: a path that
     *                              is not a logdir, a logdir nothing can be read from, a {@code metric} tag no run
     *                              has ({@link UnknownMetricException}), an existing study of the other direction
     */
    public ImportReport importLogdir(Path logdir, String studyName) {
        List<LogdirRun> runs = LogdirRun.of(logdir, runs(logdir));
        LogdirSurvey survey = LogdirSurvey.of(runs);
        survey.requireReadable(logdir);
        List<String> tags = metric != null ? List.of(metric) : metricsOf(survey.scalarTags());
        if (!survey.scalarTags().contains(tags.get(0))) {
            throw new UnknownMetricException(tags.get(0), logdir, survey.scalarTags());
        }
        Optional<StudyRecord> existing = storage.findStudy(studyName);
        List<Direction> chosen = new ArrayList<>();
        for (String tag : tags) {
            chosen.add(direction.choose(tag, existing, Optional.ofNullable(survey.directions().get(tag))));
        }
        existing.ifPresent(study -> requireDirections(study, chosen, tags));
        StudyRecord study = existing.orElseGet(() -> storage.createStudy(studyName, List.copyOf(chosen)));
        Set<Object> done = new HashSet<>();
        for (FrozenTrial t : storage.trials(study.id(), EnumSet.allOf(TrialState.class))) {
            done.add(t.systemAttrs().get(SOURCE_ATTR));
        }
        ImportedParams params = ImportedParams.of(survey.sessions().values().stream().map(LogdirSurvey.Session::hparams)
                .filter(h -> !h.isEmpty()).toList());
        RunImport totals = new RunImport(storage, tags, value, chosen, study.id(), params);
        List<String> imported = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> running = new ArrayList<>();
        for (LogdirRun run : runs) {
            String name = runName(logdir, run.dir());
            String source = source(run.dir());
            // a part's own path: what an import before Keras runs were grouped recorded for train/ and validation/
            if (done.contains(source) || run.parts().stream().anyMatch(p -> done.contains(source(p.dir())))) {
                skipped.add(name);
                continue;
            }
            LogdirSurvey.Session session = survey.sessionOf(run, logdir);
            if (session.endedRunning() || session.open()
                    && survey.lastWritten(run).isAfter(Instant.now().minus(STILL_WRITING))) {
                running.add(name);
            } else if (totals.load(name, source, run, session, survey)) {
                imported.add(name);
            }
        }
        storage.flush();
        return new ImportReport(imported, skipped, running, totals.scalars(), totals.summaries(), totals.problems());
    }

    private static void requireDirections(StudyRecord study, List<Direction> directions, List<String> metrics) {
        if (!study.directions().equals(directions)) {
            String expected = directions.size() == 1 && study.directions().size() == 1
                    ? "--direction " + lower(study.directions().get(0)) + " to add to it"
                    : "its directions " + study.directions() + " to add to it";
            throw new TensorBoardException("study '" + study.name() + "' exists and " + describe(study.directions())
                    + ", but this import " + describe(directions) + " " + String.join(", ", metrics.stream()
                    .map(m -> "'" + m + "'").toList()) + "; expected " + expected + ", or a new study name");
        }
    }

    private static String describe(List<Direction> directions) {
        return directions.size() == 1 ? lower(directions.get(0)) + "s" : "has the directions " + directions;
    }

    private static String lower(Direction d) {
        return d.name().toLowerCase(Locale.ROOT);
    }

    private static String source(Path dir) {
        return dir.toAbsolutePath().normalize().toString();
    }

    private static String runName(Path logdir, Path runDir) {
        String name = logdir.relativize(runDir).toString().replace('\\', '/');
        return name.isEmpty() ? "." : name;
    }

    /** Every directory under {@code logdir} (itself included) that holds events files, with them in name order. */
    static Map<Path, List<Path>> runs(Path logdir) {
        if (!Files.isDirectory(logdir)) {
            throw new TensorBoardException("logdir " + logdir + " is not a directory; expected a TensorBoard logdir");
        }
        Map<Path, List<Path>> runs = new TreeMap<>();
        try (Stream<Path> files = Files.walk(logdir)) {
            files.filter(LogdirFiles::isEventsFile).sorted()
                    .forEach(f -> runs.computeIfAbsent(f.getParent(), d -> new ArrayList<>()).add(f));
        } catch (IOException e) {
            throw new UncheckedIOException("reading logdir " + logdir, e);
        }
        if (runs.isEmpty()) {
            throw new TensorBoardException("logdir " + logdir + " holds no events files (events.out.tfevents.*);"
                    + " expected a TensorBoard logdir");
        }
        return runs;
    }
}
