package io.tunelab.search.storage;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@link TrialStorage} in this process's memory: fast, and gone when the process ends. Artifacts
 * are copied under an artifact root (a temporary directory unless one is given), which outlives the
 * storage. Every method holds one lock; snapshots are cached per
 * trial until the trial changes.
 */
public final class InMemoryStorage implements TrialStorage {
    private final Clock clock;
    private final Map<Long, StudyData> studies = new LinkedHashMap<>();
    private final Map<String, Long> studyIds = new HashMap<>();
    private final Map<Long, TrialData> trials = new HashMap<>();
    private long nextStudyId = 1;
    private long nextTrialId = 1;
    private Path artifactRoot;

    public InMemoryStorage() {
        this(Clock.systemUTC());
    }

    public InMemoryStorage(Clock clock) {
        this.clock = clock;
    }

    /** A storage that copies artifacts under {@code artifactRoot}. */
    public InMemoryStorage(Path artifactRoot) {
        this(Clock.systemUTC());
        this.artifactRoot = artifactRoot;
    }

    private static final class StudyData {
        StudyRecord record;
        final List<TrialData> trials = new ArrayList<>();
        /** Trials per state, by the state's ordinal. */
        final int[] counts = new int[TrialState.values().length];

        void add(TrialData t) {
            trials.add(t);
            counts[t.state.ordinal()]++;
        }

        void move(TrialData t, TrialState to) {
            counts[t.state.ordinal()]--;
            counts[to.ordinal()]++;
            t.state = to;
        }

        int count(Set<TrialState> states) {
            int n = 0;
            for (TrialState s : states) {
                n += counts[s.ordinal()];
            }
            return n;
        }
    }

    private static final class TrialData {
        final long id;
        final long studyId;
        final int number;
        TrialState state;
        List<Double> values = List.of();
        java.time.Instant start;
        java.time.Instant end;
        final Map<String, Object> params = new LinkedHashMap<>();
        final Map<String, Distribution> distributions = new LinkedHashMap<>();
        final TreeMap<Integer, Double> intermediate = new TreeMap<>();
        final Map<String, Object> userAttrs = new LinkedHashMap<>();
        final Map<String, Object> systemAttrs = new LinkedHashMap<>();
        final Map<String, List<MetricPoint>> metrics = new LinkedHashMap<>();
        final List<ArtifactRef> artifacts = new ArrayList<>();
        final List<LoggedSummary> summaries = new ArrayList<>();
        String message;
        FrozenTrial snapshot;

        TrialData(long id, long studyId, int number, TrialState state) {
            this.id = id;
            this.studyId = studyId;
            this.number = number;
            this.state = state;
        }

        FrozenTrial snapshot() {
            if (snapshot == null) {
                snapshot = new FrozenTrial(id, number, state, values, start, end, params, distributions,
                        intermediate, userAttrs, systemAttrs, message);
            }
            return snapshot;
        }
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
        StudyData data = new StudyData();
        data.record = new StudyRecord(nextStudyId++, name, directions, clock.instant(), Map.of());
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
        StudyData data = studyData(studyId);
        Map<String, Object> attrs = new LinkedHashMap<>(data.record.systemAttrs());
        attrs.put(key, value);
        StudyRecord r = data.record;
        data.record = new StudyRecord(r.id(), r.name(), r.directions(), r.created(), attrs);
    }

    @Override
    public synchronized FrozenTrial createRunningTrial(long studyId) {
        TrialData t = newTrial(studyId, TrialState.RUNNING);
        t.start = clock.instant();
        return t.snapshot();
    }

    @Override
    public synchronized FrozenTrial createWaitingTrial(long studyId, Map<String, Object> fixedParams,
                                                       Map<String, Object> systemAttrs, Map<String, Object> userAttrs) {
        StorageNames.checkWaitingAttrs(systemAttrs, userAttrs);
        TrialData t = newTrial(studyId, TrialState.WAITING);
        t.systemAttrs.putAll(systemAttrs);
        t.systemAttrs.put(FIXED_PARAMS, new LinkedHashMap<>(fixedParams));
        t.userAttrs.putAll(userAttrs);
        return t.snapshot();
    }

    private TrialData newTrial(long studyId, TrialState state) {
        StudyData study = studyData(studyId);
        TrialData t = new TrialData(nextTrialId++, studyId, study.trials.size(), state);
        study.add(t);
        trials.put(t.id, t);
        return t;
    }

    @Override
    public synchronized Optional<FrozenTrial> claimWaitingTrial(long studyId) {
        StudyData study = studyData(studyId);
        if (study.counts[TrialState.WAITING.ordinal()] == 0) {
            return Optional.empty();
        }
        for (TrialData t : study.trials) {
            if (t.state == TrialState.WAITING) {
                study.move(t, TrialState.RUNNING);
                t.start = clock.instant();
                t.snapshot = null;
                return Optional.of(t.snapshot());
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized Optional<FrozenTrial> startTrialWithinBudget(long studyId, int budget) {
        long counted = studyData(studyId).trials.stream()
                .filter(t -> !(t.state == TrialState.FAIL && Boolean.TRUE.equals(t.systemAttrs.get(SUPERSEDED))))
                .count();
        Optional<FrozenTrial> waiting = claimWaitingTrial(studyId);
        if (waiting.isPresent()) {
            return waiting;
        }
        return counted < budget ? Optional.of(createRunningTrial(studyId)) : Optional.empty();
    }

    @Override
    public synchronized void setParam(long trialId, String name, Object value, Distribution distribution) {
        StorageNames.checkParameterName(name);
        TrialData t = mutable(trialId);
        double internal = distribution.toInternalOutOfRange(value);
        Distribution existing = t.distributions.get(name);
        if (existing != null) {
            if (!existing.equals(distribution) || existing.toInternalOutOfRange(t.params.get(name)) != internal) {
                throw StorageException.conflict("trial " + t.number + ": parameter '" + name
                        + "' is already set to " + t.params.get(name) + " from " + existing.describe());
            }
            return;
        }
        t.params.put(name, distribution.toExternal(internal));
        t.distributions.put(name, distribution);
        t.snapshot = null;
    }

    @Override
    public synchronized void setIntermediateValue(long trialId, int step, double value) {
        TrialData t = mutable(trialId);
        t.intermediate.put(step, value);
        t.snapshot = null;
    }

    @Override
    public synchronized void logMetrics(long trialId, List<MetricPoint> points) {
        TrialData t = trialData(trialId);
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
        String safe = StorageNames.checkArtifactName(name);
        if (!Files.isRegularFile(file)) {
            throw StorageException.invalid("artifact '" + name + "': " + file + " is not a readable file");
        }
        ArtifactRef ref;
        try {
            Path dir;
            synchronized (this) {
                dir = artifactRoot().resolve("trial-" + trialData(trialId).id);
            }
            Files.createDirectories(dir);
            Path copy = dir.resolve(safe);
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            ref = new ArtifactRef(safe, copy.toUri(), Files.size(copy), ArtifactRef.sha256Of(copy));
        } catch (IOException e) {
            throw new StorageException(StorageException.Kind.UNAVAILABLE,
                    "artifact '" + name + "': cannot copy " + file + ": " + e.getMessage(), e);
        }
        synchronized (this) {
            trialData(trialId).artifacts.add(ref);
        }
        return ref;
    }

    @Override
    public void deleteArtifact(long trialId, String name) {
        List<ArtifactRef> removed = new ArrayList<>();
        synchronized (this) {
            List<ArtifactRef> artifacts = trialData(trialId).artifacts;
            artifacts.stream().filter(a -> a.name().equals(name)).forEach(removed::add);
            artifacts.removeAll(removed);
        }
        for (ArtifactRef ref : removed) {
            try {
                Files.deleteIfExists(Path.of(ref.uri()));
            } catch (IOException e) {
                throw new StorageException(StorageException.Kind.UNAVAILABLE,
                        "artifact '" + name + "': cannot delete " + ref.uri() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Where artifact copies go: the directory given, or a temporary one made on first use. */
    private Path artifactRoot() throws IOException {
        if (artifactRoot == null) {
            artifactRoot = Files.createTempDirectory("tunelab-artifacts-");
        }
        return artifactRoot;
    }

    @Override
    public synchronized void setUserAttr(long trialId, String key, Object value) {
        StorageNames.checkAttrName(key);
        StorageNames.checkAttrValue(key, value);
        TrialData t = mutable(trialId);
        t.userAttrs.put(key, value);
        t.snapshot = null;
    }

    @Override
    public synchronized void setSystemAttr(long trialId, String key, Object value) {
        StorageNames.checkAttrName(key);
        StorageNames.checkAttrValue(key, value);
        TrialData t = mutable(trialId);
        t.systemAttrs.put(key, value);
        t.snapshot = null;
    }

    @Override
    public synchronized boolean finishTrial(long trialId, TrialState state, List<Double> values, String message) {
        return finishTrial(trialId, state, values, message, null, clock.instant());
    }

    @Override
    public synchronized boolean finishTrial(long trialId, TrialState state, List<Double> values, String message,
            java.time.Instant start, java.time.Instant end) {
        if (start != null && end.isBefore(start)) {
            throw StorageException.invalid("trial end " + end + " is before its start " + start);
        }
        if (!state.isFinished()) {
            throw StorageException.invalid("a trial can only be finished as COMPLETE, PRUNED or FAIL, got " + state);
        }
        TrialData t = trialData(trialId);
        if (t.state.isFinished()) {
            if (t.state == state && sameValues(t.values, values)) {
                return false;
            }
            throw StorageException.conflict("trial " + t.number + " already finished as " + t.state
                    + " with values " + t.values + "; cannot finish it again as " + state + " with " + values);
        }
        if (t.state != TrialState.RUNNING) {
            throw StorageException.conflict("trial " + t.number + " is " + t.state + ", not RUNNING");
        }
        studyData(t.studyId).move(t, state);
        t.values = List.copyOf(values);
        t.start = start != null ? start : t.start;
        t.end = end;
        t.message = message;
        t.snapshot = null;
        return true;
    }

    static boolean sameValues(List<Double> a, List<Double> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (Double.compare(a.get(i), b.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public synchronized FrozenTrial trial(long trialId) {
        return trialData(trialId).snapshot();
    }

    @Override
    public synchronized FrozenTrial trialByNumber(long studyId, int number) {
        StudyData study = studyData(studyId);
        List<TrialData> list = study.trials;
        if (number < 0 || number >= list.size()) {
            throw StorageException.notFound("study '" + study.record.name() + "' has no trial number " + number);
        }
        return list.get(number).snapshot();
    }

    @Override
    public synchronized List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
        StudyData study = studyData(studyId);
        List<FrozenTrial> out = new ArrayList<>(study.count(states));
        for (TrialData t : study.trials) {
            if (states.contains(t.state)) {
                out.add(t.snapshot());
            }
        }
        return Collections.unmodifiableList(out);
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
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (TrialData t : studyData(studyId).trials) {
            names.addAll(t.metrics.keySet());
        }
        return List.copyOf(names);
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

    private StudyData studyData(long studyId) {
        StudyData s = studies.get(studyId);
        if (s == null) {
            throw StorageException.notFound("no study with id " + studyId);
        }
        return s;
    }

    private TrialData trialData(long trialId) {
        TrialData t = trials.get(trialId);
        if (t == null) {
            throw StorageException.notFound("no trial with id " + trialId);
        }
        return t;
    }

    private TrialData mutable(long trialId) {
        TrialData t = trialData(trialId);
        if (t.state.isFinished()) {
            throw StorageException.conflict("trial " + t.number + " is " + t.state + " and can no longer be changed");
        }
        return t;
    }
}
