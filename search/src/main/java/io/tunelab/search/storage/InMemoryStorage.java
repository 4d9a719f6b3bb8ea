package io.tunelab.search.storage;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link TrialStorage} in this process's memory: fast, and gone when the process ends. Artifacts
 * are copied under an artifact root (a temporary directory unless one is given), which outlives the
 * storage. Every method holds one lock; snapshots are cached per
 * trial until the trial changes.
 */
public final class InMemoryStorage implements TrialStorage {
    private final Clock clock;
    private final Map<Long, MemoryStudy> studies = new LinkedHashMap<>();
    private final Map<String, Long> studyIds = new HashMap<>();
    private final Map<Long, MemoryTrial> trials = new HashMap<>();
    private final MemoryArtifacts artifacts;
    private long nextStudyId = 1;
    private long nextTrialId = 1;

    public InMemoryStorage() {
        this(Clock.systemUTC());
    }

    public InMemoryStorage(Clock clock) {
        this(clock, null);
    }

    /** A storage that copies artifacts under {@code artifactRoot}. */
    public InMemoryStorage(Path artifactRoot) {
        this(Clock.systemUTC(), artifactRoot);
    }

    private InMemoryStorage(Clock clock, Path artifactRoot) {
        this.clock = clock;
        this.artifacts = new MemoryArtifacts(this, this::trialData, artifactRoot);
    }

    @Override
    public synchronized StudyRecord createStudy(String name, List<Direction> directions) {
        StorageNames.checkStudyName(name);
        if (directions.isEmpty()) {
            throw StorageException.invalid("study '" + name + "' needs at least one direction");
        }
        if (studyIds.containsKey(name)) {
            throw StorageException.conflict("a study named '" + name + "' already exists");
        }
        MemoryStudy data = new MemoryStudy(new StudyRecord(nextStudyId++, name, directions, clock.instant(), Map.of()));
        studies.put(data.record.id(), data);
        studyIds.put(name, data.record.id());
        return data.record;
    }

    @Override
    public synchronized Optional<StudyRecord> findStudy(String name) {
        Long id = studyIds.get(name);
        return id == null ? Optional.empty() : Optional.of(studies.get(id).record);
    }

    @Override
    public synchronized StudyRecord study(long studyId) {
        return studyData(studyId).record;
    }

    @Override
    public synchronized List<StudyRecord> studies() {
        return studies.values().stream().map(s -> s.record).toList();
    }

    @Override
    public synchronized void setStudySystemAttr(long studyId, String key, Object value) {
        StorageNames.checkAttrName(key);
        StorageNames.checkAttrValue(key, value);
        studyData(studyId).setSystemAttr(key, value);
    }

    @Override
    public synchronized FrozenTrial createRunningTrial(long studyId) {
        MemoryTrial t = newTrial(studyId, TrialState.RUNNING);
        t.start = clock.instant();
        return t.snapshot();
    }

    @Override
    public synchronized FrozenTrial createWaitingTrial(long studyId, Map<String, Object> fixedParams,
                                                       Map<String, Object> systemAttrs, Map<String, Object> userAttrs) {
        StorageNames.checkWaitingAttrs(systemAttrs, userAttrs);
        MemoryTrial t = newTrial(studyId, TrialState.WAITING);
        t.systemAttrs.putAll(systemAttrs);
        t.systemAttrs.put(FIXED_PARAMS, new LinkedHashMap<>(fixedParams));
        t.userAttrs.putAll(userAttrs);
        return t.snapshot();
    }

    private MemoryTrial newTrial(long studyId, TrialState state) {
        MemoryStudy study = studyData(studyId);
        MemoryTrial t = new MemoryTrial(nextTrialId++, studyId, study.trials.size(), state);
        study.add(t);
        trials.put(t.id, t);
        return t;
    }

    @Override
    public synchronized Optional<FrozenTrial> claimWaitingTrial(long studyId) {
        return studyData(studyId).claimWaiting(clock.instant()).map(MemoryTrial::snapshot);
    }

    @Override
    public synchronized Optional<FrozenTrial> startTrialWithinBudget(long studyId, int budget) {
        long counted = studyData(studyId).budgeted();
        Optional<FrozenTrial> waiting = claimWaitingTrial(studyId);
        if (waiting.isPresent()) {
            return waiting;
        }
        return counted < budget ? Optional.of(createRunningTrial(studyId)) : Optional.empty();
    }

    @Override
    public synchronized void setParam(long trialId, String name, Object value, Distribution distribution) {
        StorageNames.checkParameterName(name);
        trialData(trialId).setParam(name, value, distribution);
    }

    @Override
    public synchronized void setIntermediateValue(long trialId, int step, double value) {
        trialData(trialId).setIntermediateValue(step, value);
    }

    @Override
    public synchronized void logMetrics(long trialId, List<MetricPoint> points) {
        MemoryTrial t = trialData(trialId);
        points.forEach(p -> StorageNames.checkMetricName(p.name()));
        for (MetricPoint p : points) {
            t.metrics.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p);
        }
    }

    @Override
    public synchronized void logSummaries(long trialId, List<LoggedSummary> summaries) {
        trialData(trialId).summaries.addAll(summaries);
    }

    @Override
    public synchronized List<SummaryTag> summaryTags(long trialId) {
        return trialData(trialId).summaries.stream().map(s -> new SummaryTag(s.tag(), s.kind())).distinct()
                .sorted(java.util.Comparator.comparing(SummaryTag::tag).thenComparing(SummaryTag::kind)).toList();
    }

    @Override
    public synchronized List<LoggedSummary> summaries(long trialId, String tag) {
        return trialData(trialId).summaries.stream().filter(s -> s.tag().equals(tag))
                .sorted(java.util.Comparator.comparingLong(LoggedSummary::step).thenComparing(LoggedSummary::wallTime))
                .toList();
    }

    @Override
    public ArtifactRef storeArtifact(long trialId, String name, Path file) {
        return artifacts.store(trialId, name, file);
    }

    @Override
    public void deleteArtifact(long trialId, String name) {
        artifacts.delete(trialId, name);
    }

    @Override
    public synchronized void setUserAttr(long trialId, String key, Object value) {
        StorageNames.checkAttrName(key);
        StorageNames.checkAttrValue(key, value);
        trialData(trialId).setAttr(false, key, value);
    }

    @Override
    public synchronized void setSystemAttr(long trialId, String key, Object value) {
        StorageNames.checkAttrName(key);
        StorageNames.checkAttrValue(key, value);
        trialData(trialId).setAttr(true, key, value);
    }

    @Override
    public synchronized boolean finishTrial(long trialId, TrialState state, List<Double> values, String message) {
        return finishTrial(trialId, state, values, message, null, clock.instant());
    }

    @Override
    public synchronized boolean finishTrial(long trialId, TrialState state, List<Double> values, String message,
            java.time.Instant start, java.time.Instant end) {
        MemoryTrial t = trialData(trialId);
        return t.finish(studyData(t.studyId), state, values, message, start, end);
    }

    @Override
    public synchronized FrozenTrial trial(long trialId) {
        return trialData(trialId).snapshot();
    }

    @Override
    public synchronized FrozenTrial trialByNumber(long studyId, int number) {
        return studyData(studyId).byNumber(number);
    }

    @Override
    public synchronized List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
        return studyData(studyId).snapshots(states);
    }

    /** Answered from counters kept per state: no trial is read. */
    @Override
    public synchronized int countTrials(long studyId, Set<TrialState> states) {
        return studyData(studyId).count(states);
    }

    @Override
    public synchronized List<String> metricNames(long trialId) {
        return List.copyOf(trialData(trialId).metrics.keySet());
    }

    @Override
    public synchronized List<String> studyMetricNames(long studyId) {
        return studyData(studyId).metricNames();
    }

    @Override
    public synchronized List<MetricPoint> metrics(long trialId, String name) {
        List<MetricPoint> points = new ArrayList<>(trialData(trialId).metrics.getOrDefault(name, List.of()));
        points.sort(java.util.Comparator.comparingLong(MetricPoint::step).thenComparing(MetricPoint::wallTime));
        return List.copyOf(points);
    }

    @Override
    public synchronized List<ArtifactRef> artifacts(long trialId) {
        return List.copyOf(trialData(trialId).artifacts);
    }

    private MemoryStudy studyData(long studyId) {
        MemoryStudy s = studies.get(studyId);
        if (s == null) {
            throw StorageException.notFound("no study with id " + studyId);
        }
        return s;
    }

    private MemoryTrial trialData(long trialId) {
        MemoryTrial t = trials.get(trialId);
        if (t == null) {
            throw StorageException.notFound("no trial with id " + trialId);
        }
        return t;
    }
}
