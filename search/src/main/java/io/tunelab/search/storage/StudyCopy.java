package io.tunelab.search.storage;

import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies one study from a storage to another (or to another name in the same one), as Optuna's {@code copy_study}:
 * the study's directions and attributes (the user's, and Tunelab's, which hold the stored study file), then every
 * trial in number order with its number, state, parameters and their distributions, values, intermediate values,
 * user and system attributes, start and end times, message, metric series, summaries (histograms, images, texts, PR
 * curves) and artifact files. The copy's creation time is the time of the copy; anything outside {@link TrialStorage}
 * (a tracker's model registry, provenance) is not copied.
 *
 * <p>A WAITING trial is copied as WAITING, with the parameters fixed for it. A RUNNING trial is refused
 * ({@link StorageException} CONFLICT) unless running trials are included: then it is copied FAIL with the message
 * {@value #COPIED_WHILE_RUNNING}, ended at the time of the copy, because no worker will ever finish the copy.
 *
 * <p>The copy is not one transaction: when a call fails midway the target holds part of the study, and the caller
 * deletes it ({@code Tracker.deleteStudy}). Not thread-safe; the source study should not change while it is copied.
 */
public final class StudyCopy {
    /** The message of a trial that was RUNNING when it was copied, and is FAIL in the copy. */
    public static final String COPIED_WHILE_RUNNING = "copied while running";

    private static final int BATCH = 20_000;

    private final TrialStorage from;
    private final TrialStorage to;
    private final boolean includeRunning;
    private final Clock clock;

    /** What a copy wrote: the counts its summary line reports. */
    public record Report(String study, String copy, int trials, long metricPoints, long summaries, int artifacts,
                         int running) {
    }

    /**
     * A copier from {@code from} to {@code to} (which may be the same storage); {@code includeRunning} copies RUNNING
     * trials as FAIL instead of refusing the study.
     */
    public StudyCopy(TrialStorage from, TrialStorage to, boolean includeRunning, Clock clock) {
        this.from = from;
        this.to = to;
        this.includeRunning = includeRunning;
        this.clock = clock;
    }

    /**
     * Copies study {@code study} of the source to a new study {@code copy} of the target.
     *
     * @throws StorageException NOT_FOUND when the source has no such study; CONFLICT, before anything is written, when
     *                          the target has a study called {@code copy} or the study has RUNNING trials and they are
     *                          not included; any storage error while copying, after which the target holds a partial
     *                          study {@code copy} the caller deletes
     */
    public Report copy(String study, String copy) {
        StudyRecord source = from.findStudy(study).orElseThrow(() -> StorageException.notFound(
                "no study named '" + study + "' to copy"));
        if (to.findStudy(copy).isPresent()) {
            throw StorageException.conflict("the target already has a study named '" + copy + "'");
        }
        List<FrozenTrial> trials = from.trials(source.id(), EnumSet.allOf(TrialState.class));
        long running = trials.stream().filter(t -> t.state() == TrialState.RUNNING).count();
        if (running > 0 && !includeRunning) {
            throw StorageException.conflict("study '" + study + "' has " + running + " RUNNING trial"
                    + (running == 1 ? "" : "s") + "; expected a finished study, or running trials included");
        }
        StudyRecord target = to.createStudy(copy, source.directions());
        source.systemAttrs().forEach((key, value) -> to.setStudySystemAttr(target.id(), key, value));
        long points = 0;
        long summaries = 0;
        int artifacts = 0;
        for (FrozenTrial t : trials) {
            FrozenTrial made = t.state() == TrialState.WAITING ? waiting(target.id(), t) : to.createRunningTrial(target.id());
            if (made.number() != t.number()) {
                throw StorageException.conflict("trial " + t.number() + " of '" + study + "' became trial " + made.number()
                        + " of the copy; expected the same number (was a trial added to '" + copy + "' meanwhile?)");
            }
            points += metrics(t.id(), made.id());
            summaries += summaries(t.id(), made.id());
            artifacts += artifacts(t.id(), made.id());
            if (t.state() != TrialState.WAITING) {
                attributes(t, made.id());
                finish(t, made.id());
            }
        }
        to.flush();
        return new Report(study, copy, trials.size(), points, summaries, artifacts, (int) running);
    }

    private FrozenTrial waiting(long studyId, FrozenTrial t) {
        Map<String, Object> system = new LinkedHashMap<>(t.systemAttrs());
        Object fixed = system.remove(TrialStorage.FIXED_PARAMS);
        Map<String, Object> params = new LinkedHashMap<>();
        if (fixed instanceof Map<?, ?> m) {
            m.forEach((k, v) -> params.put(String.valueOf(k), v));
        }
        return to.createWaitingTrial(studyId, params, system, t.userAttrs());
    }

    private void attributes(FrozenTrial t, long id) {
        t.params().forEach((name, value) -> to.setParam(id, name, value, t.distributions().get(name)));
        t.intermediateValues().forEach((step, value) -> to.setIntermediateValue(id, step, value));
        t.userAttrs().forEach((key, value) -> to.setUserAttr(id, key, value));
        t.systemAttrs().forEach((key, value) -> to.setSystemAttr(id, key, value));
    }

    private void finish(FrozenTrial t, long id) {
        if (t.state() == TrialState.RUNNING) {
            to.finishTrial(id, TrialState.FAIL, List.of(), COPIED_WHILE_RUNNING, t.start(), clock.instant());
        } else if (t.start() == null || t.end() == null) {
            to.finishTrial(id, t.state(), t.values(), t.message());
        } else {
            to.finishTrial(id, t.state(), t.values(), t.message(), t.start(), t.end());
        }
    }

    private long metrics(long source, long target) {
        long n = 0;
        for (String name : from.metricNames(source)) {
            List<MetricPoint> series = from.metrics(source, name);
            for (int i = 0; i < series.size(); i += BATCH) {
                to.logMetrics(target, new ArrayList<>(series.subList(i, Math.min(series.size(), i + BATCH))));
            }
            n += series.size();
        }
        return n;
    }

    private long summaries(long source, long target) {
        long n = 0;
        // a tag logged with two kinds is listed twice, and read once with both
        for (String tag : from.summaryTags(source).stream().map(SummaryTag::tag).distinct().toList()) {
            List<LoggedSummary> logged = from.summaries(source, tag);
            if (!logged.isEmpty()) {
                to.logSummaries(target, logged);
                n += logged.size();
            }
        }
        return n;
    }

    private int artifacts(long source, long target) {
        List<ArtifactRef> refs = from.artifacts(source);
        for (ArtifactRef ref : refs) {
            to.storeArtifact(target, ref.name(), file(ref));
        }
        return refs.size();
    }

    private static Path file(ArtifactRef ref) {
        try {
            return Path.of(ref.uri());
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            throw StorageException.invalid("artifact '" + ref.name() + "' is kept at " + ref.uri()
                    + ", which is not a local file; expected a file: URI to copy it from");
        }
    }
}
