package io.tunelab.tensorboard.imports;

import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tensorboard.TensorBoardException;
import io.tunelab.tensorboard.event.LogdirFiles;
import io.tunelab.tensorboard.event.SummaryPoint;
import io.tunelab.tensorboard.record.RecordProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Loads a TensorBoard logdir into a study: each run ({@link LogdirRun}: a directory holding events files, as Tunelab's
 * export writes one per trial, or a Keras run's directory, whose {@code train/} and {@code validation/} make one run)
 * becomes one trial, whose scalars become its metric series (a Keras run's train scalars as {@code train/TAG}, its
 * validation scalars under their own tags, so that the objective value comes from the validation curve), whose
 * histograms, images, texts and PR curves its summaries, and whose HParams session start's values (or, as Keras's
 * {@code hp.KerasCallback} writes them, its parent directory's) its parameters, with the distributions
 * {@link ImportedParams} gives them. A run whose {@code metric} tag has a last value ends COMPLETE with it as the
 * objective value; a run without it ends PRUNED with no value.
 *
 * <p>The logdir is read once ({@link LogdirSurvey}) before anything is stored, and refused, with nothing created, when not one value could
 * be read from it or when no run has the {@code metric} tag ({@link UnknownMetricException}). A study that exists
 * must have the import's direction. Corrupt or truncated records are skipped and reported with file and offset.
 * Each trial remembers the run directory it came from ({@value #SOURCE_ATTR}), so importing the same logdir again
 * adds nothing.
 */
public final class LogdirImporter {
    /** System attribute: the absolute path of the run directory a trial was imported from. */
    public static final String SOURCE_ATTR = "tensorboard_source";
    /** System attribute: the run's name, its directory relative to the logdir. */
    public static final String RUN_ATTR = "tensorboard_run";
    private static final int BATCH = 20_000;
    private static final int SUMMARY_BATCH = 200;

    private final TrialStorage storage;
    private final String metric;
    private final Function<Optional<StudyRecord>, Direction> direction;

    /**
     * An importer into {@code storage} whose objective value is the last value of scalar tag {@code metric}, better
     * in {@code direction}.
     */
    public LogdirImporter(TrialStorage storage, String metric, Direction direction) {
        this(storage, metric, existing -> direction);
    }

    /**
     * An importer whose direction is chosen by {@code direction}, given the study if it exists, once the logdir is
     * known to be readable and to hold {@code metric}: so that a mistyped metric is reported as such, not as a name
     * that says no direction. It may throw to refuse the import.
     */
    public LogdirImporter(TrialStorage storage, String metric, Function<Optional<StudyRecord>, Direction> direction) {
        this.storage = storage;
        this.metric = metric;
        this.direction = direction;
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
        if (!survey.scalarTags().contains(metric)) {
            throw new UnknownMetricException(metric, logdir, survey.scalarTags());
        }
        Optional<StudyRecord> existing = storage.findStudy(studyName);
        Direction chosen = direction.apply(existing);
        existing.ifPresent(study -> requireDirection(study, chosen));
        StudyRecord study = existing.orElseGet(() -> storage.createStudy(studyName, List.of(chosen)));
        Set<Object> done = new HashSet<>();
        for (FrozenTrial t : storage.trials(study.id(), EnumSet.allOf(TrialState.class))) {
            done.add(t.systemAttrs().get(SOURCE_ATTR));
        }
        RunImport totals = new RunImport(storage, metric, study.id(), ImportedParams.of(survey.hparams().values()));
        List<String> imported = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (LogdirRun run : runs) {
            String name = runName(logdir, run.dir());
            String source = source(run.dir());
            // a part's own path: what an import before Keras runs were grouped recorded for train/ and validation/
            if (done.contains(source) || run.parts().stream().anyMatch(p -> done.contains(source(p.dir())))) {
                skipped.add(name);
                continue;
            }
            if (totals.load(name, source, run, survey.hparamsOf(run, logdir), survey)) {
                imported.add(name);
            }
        }
        storage.flush();
        return new ImportReport(imported, skipped, totals.scalars, totals.summaries, totals.problems);
    }

    private void requireDirection(StudyRecord study, Direction direction) {
        if (!study.directions().equals(List.of(direction))) {
            throw new TensorBoardException("study '" + study.name() + "' exists and " + describe(study.directions())
                    + ", but this import " + describe(List.of(direction)) + " '" + metric + "'; expected --direction "
                    + lower(study.directions().get(0)) + " to add to it, or a new study name");
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

    /** Loads runs one after the other, adding up what was loaded. */
    private static final class RunImport {
        private final TrialStorage storage;
        private final String metric;
        private final long studyId;
        private final List<RecordProblem> problems = new ArrayList<>();
        private long scalars;
        private long summaries;
        private long trialId = -1;

        private final ImportedParams distributions;

        RunImport(TrialStorage storage, String metric, long studyId, ImportedParams distributions) {
            this.storage = storage;
            this.metric = metric;
            this.studyId = studyId;
            this.distributions = distributions;
        }

        /**
         * Loads one run with parameters {@code params}, as {@code survey} read it; false if it held nothing to import
         * (e.g. only HParams records), then no trial is made.
         */
        boolean load(String name, String source, LogdirRun run, Map<String, Object> params, LogdirSurvey survey) {
            trialId = -1;
            List<MetricPoint> batch = new ArrayList<>(BATCH);
            List<LoggedSummary> logged = new ArrayList<>();
            // [0]: the last point of the metric's own series; [1]: of train/METRIC, taken when the run has no other
            MetricPoint[] objective = new MetricPoint[2];
            String fallback = run.trainOnly() ? LogdirRun.TRAIN_PREFIX + metric : null;
            for (LogdirRun.Part part : run.parts()) {
                String prefix = part.prefix();
                for (Path file : part.files()) {
                    LogdirSurvey.FileRead read = survey.files().get(file);
                    problems.addAll(read.problems());
                    for (SummaryPoint p : read.points()) {
                        if (trialId < 0 && !(p instanceof SummaryPoint.SessionStart)) {
                            trialId = storage.createRunningTrial(studyId).id();
                            storage.setSystemAttr(trialId, SOURCE_ATTR, source);
                            storage.setSystemAttr(trialId, RUN_ATTR, name);
                            params.forEach((param, v) -> storage.setParam(trialId, param, v,
                                    distributions.distribution(param)));
                        }
                        if (p instanceof SummaryPoint.Scalar s) {
                            MetricPoint point = new MetricPoint(prefix + s.tag(), s.step(), s.value(),
                                    s.wallTime());
                            batch.add(point);
                            int slot = point.name().equals(metric) ? 0 : point.name().equals(fallback) ? 1 : -1;
                            if (slot >= 0 && (objective[slot] == null || s.step() >= objective[slot].step())) {
                                objective[slot] = point;
                            }
                            if (batch.size() == BATCH) {
                                storage.logMetrics(trialId, List.copyOf(batch));
                                batch.clear();
                            }
                            scalars++;
                        } else if (p instanceof SummaryPoint.Logged l) {
                            logged.add(prefix.isEmpty() ? l.summary() : new LoggedSummary(prefix + l.summary().tag(),
                                    l.summary().step(), l.summary().wallTime(), l.summary().value()));
                            if (logged.size() == SUMMARY_BATCH) {
                                storage.logSummaries(trialId, List.copyOf(logged));
                                logged.clear();
                            }
                            summaries++;
                        }
                    }
                }
            }
            if (trialId < 0) {
                return false;
            }
            if (!batch.isEmpty()) {
                storage.logMetrics(trialId, batch);
            }
            if (!logged.isEmpty()) {
                storage.logSummaries(trialId, logged);
            }
            MetricPoint value = objective[0] != null ? objective[0] : objective[1];
            if (value != null) {
                storage.finishTrial(trialId, TrialState.COMPLETE, List.of(value.value()), null);
            } else {
                storage.finishTrial(trialId, TrialState.PRUNED, List.of(), "imported from TensorBoard without a '"
                        + metric + "' scalar to take as the objective value");
            }
            return true;
        }
    }
}
