package io.tunelab.tensorboard.imports;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tensorboard.event.SummaryPoint;
import io.tunelab.tensorboard.export.KerasLayout;
import io.tunelab.tensorboard.export.RunNames;
import io.tunelab.tensorboard.export.ObjectiveTags;
import io.tunelab.tensorboard.export.StudyExporter;
import io.tunelab.tensorboard.record.RecordProblem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads the runs of one import one after the other into a study, adding up what was loaded. A run becomes a trial
 * with its session's parameters; its scalars become metric series and its other summaries the trial's (those Tunelab
 * wrote to {@code train/} with their own tags and steps, {@link KerasLayout#summaryDescription}), except Tunelab's own
 * tags: its {@value StudyExporter#INTERMEDIATE_TAG} points become the trial's intermediate values and, when an
 * objective value is taken from {@value ObjectiveTags#OBJECTIVE_TAG} ({@code objective_0}, {@code objective_1}... for
 * a study of several), that tag's points its value rather than a series. The trial ends in the state its HParams
 * session's end says ({@link RunNames#state}) at the times its session recorded; a run without a session end ends
 * COMPLETE with its objective values, or PRUNED without one of them. Not thread-safe.
 */
final class RunImport {
    private static final int BATCH = 20_000;
    private static final int SUMMARY_BATCH = 200;

    private final TrialStorage storage;
    private final List<String> metrics;
    private final RunValue policy;
    private final List<Direction> directions;
    private final long studyId;
    private final ImportedParams distributions;
    private final List<RecordProblem> problems = new ArrayList<>();
    private long scalars;
    private long summaries;
    private long trialId;

    /** Imports into study {@code studyId} whose objective {@code i} is {@code metrics[i]}, better in {@code directions[i]}. */
    RunImport(TrialStorage storage, List<String> metrics, RunValue policy, List<Direction> directions, long studyId,
            ImportedParams distributions) {
        this.storage = storage;
        this.metrics = List.copyOf(metrics);
        this.policy = policy;
        this.directions = List.copyOf(directions);
        this.studyId = studyId;
        this.distributions = distributions;
    }

    long scalars() {
        return scalars;
    }

    long summaries() {
        return summaries;
    }

    List<RecordProblem> problems() {
        return problems;
    }

    /**
     * Loads {@code run}, whose HParams session is {@code session}, as {@code survey} read it; false if it held nothing to
     * import (e.g. only HParams records), then no trial is made.
     */
    boolean load(String name, String source, LogdirRun run, LogdirSurvey.Session session, LogdirSurvey survey) {
        trialId = -1;
        List<MetricPoint> batch = new ArrayList<>(BATCH);
        List<LoggedSummary> logged = new ArrayList<>();
        // [i][0]: the chosen point of metric i's own series; [i][1]: of train/METRIC, taken when the run has no other
        MetricPoint[][] objective = new MetricPoint[metrics.size()][2];
        Instant first = null;
        Instant last = null;
        for (LogdirRun.Part part : run.parts()) {
            String prefix = part.prefix();
            for (Path file : part.files()) {
                LogdirSurvey.FileRead read = survey.files().get(file);
                problems.addAll(read.problems());
                for (SummaryPoint p : read.points()) {
                    if (p instanceof SummaryPoint.SessionStart || p instanceof SummaryPoint.SessionEnd) {
                        continue;
                    }
                    if (trialId < 0) {
                        start(name, source, session.hparams());
                    }
                    first = first == null || p.wallTime().isBefore(first) ? p.wallTime() : first;
                    last = last == null || p.wallTime().isAfter(last) ? p.wallTime() : last;
                    if (p instanceof SummaryPoint.Scalar s) {
                        scalars++;
                        MetricPoint point = new MetricPoint(LogdirSurvey.name(part, s), s.step(), s.value(), s.wallTime());
                        if (prefix.isEmpty() && s.tag().equals(StudyExporter.INTERMEDIATE_TAG)) {
                            storage.setIntermediateValue(trialId, Math.toIntExact(s.step()), s.value());
                            continue;
                        }
                        boolean reserved = false;
                        for (int i = 0; i < metrics.size(); i++) {
                            int slot = slot(point.name(), metrics.get(i), run.trainOnly());
                            if (slot >= 0 && policy.prefers(point, objective[i][slot], directions.get(i))) {
                                objective[i][slot] = point;
                            }
                            reserved |= slot == 0 && ObjectiveTags.isObjectiveTag(metrics.get(i));
                        }
                        if (reserved) {
                            continue;
                        }
                        batch.add(point);
                        if (batch.size() == BATCH) {
                            storage.logMetrics(trialId, List.copyOf(batch));
                            batch.clear();
                        }
                    } else if (p instanceof SummaryPoint.Logged l) {
                        boolean tunelabs = KerasLayout.tunelabSummaryStep(l.description(), 0).isPresent();
                        logged.add(prefix.isEmpty() || tunelabs ? l.summary() : new LoggedSummary(prefix + l.summary().tag(),
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
        List<MetricPoint> values = new ArrayList<>();
        for (MetricPoint[] chosen : objective) {
            values.add(chosen[0] != null ? chosen[0] : chosen[1]);
        }
        finish(session, values, session.started() != null ? session.started() : first,
                session.end() != null && session.end().ended() != null ? session.end().ended() : last);
        return true;
    }

    private void start(String name, String source, Map<String, Object> params) {
        trialId = storage.createRunningTrial(studyId).id();
        storage.setSystemAttr(trialId, LogdirImporter.SOURCE_ATTR, source);
        storage.setSystemAttr(trialId, LogdirImporter.RUN_ATTR, name);
        params.forEach((param, v) -> storage.setParam(trialId, param, v, distributions.distribution(param)));
    }

    /**
     * Which objective point {@code name} may be for {@code metric}: 0 for its own series, 1 for {@code train/METRIC} of
     * a run with only a {@code train/} part, -1 for neither.
     */
    private static int slot(String name, String metric, boolean trainOnly) {
        return name.equals(metric) ? 0 : trainOnly && name.equals(LogdirRun.TRAIN_PREFIX + metric) ? 1 : -1;
    }

    private void finish(LogdirSurvey.Session session, List<MetricPoint> points, Instant start, Instant end) {
        TrialState state = session.end() == null ? TrialState.COMPLETE : RunNames.state(session.end().status());
        int missing = points.indexOf(null);
        List<Double> values = missing >= 0 ? List.of() : points.stream().map(MetricPoint::value).toList();
        String message = null;
        if (state == TrialState.COMPLETE && missing >= 0) {
            state = TrialState.PRUNED;
            message = "imported from TensorBoard without a '" + metrics.get(missing) + "' scalar to take as the objective"
                    + " value";
        } else if (state == TrialState.FAIL) {
            values = List.of();
            message = "imported from TensorBoard: its HParams session ended with status failure";
        } else if (state == TrialState.PRUNED) {
            message = "imported from TensorBoard: its HParams session ended with status unknown, as Tunelab records"
                    + " a pruned trial";
        }
        if (end.isBefore(start)) {
            end = start;
        }
        storage.finishTrial(trialId, state, values, message, start, end);
    }
}
