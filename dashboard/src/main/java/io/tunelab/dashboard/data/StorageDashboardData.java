package io.tunelab.dashboard.data;

import io.tunelab.dashboard.DashboardException;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.query.StudySummary;
import io.tunelab.tracker.query.TrialPage;
import io.tunelab.tracker.registry.RegisteredModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link DashboardData} over any {@link TrialStorage} (the in-memory one now; a database one works too,
 * though the tracker's query side answers range and summary queries faster). Downsampling happens here
 * in Java ({@link SeriesSelector}); summaries, metric names and (up to 1,000) series of finished trials
 * are cached, since a finished trial no longer changes (but a retried failure's, see {@link FinalRecords}); the change
 * feed comes from a polling {@link ChangeLog}.
 *
 * <p>This store has no model registry: model methods raise {@link DashboardException} of kind
 * NOT_CONFIGURED. Thread-safe.
 */
public final class StorageDashboardData implements DashboardData {
    private static final Set<TrialState> ALL = EnumSet.allOf(TrialState.class);
    private static final int SERIES_CACHE = 1000;
    private static final String NO_REGISTRY = "the model registry is not configured: this dashboard reads a "
            + "plain trial storage; start it on a tracker database to manage models";

    private final TrialStorage storage;
    private final ChangeLog changes;
    private final Map<Long, List<String>> finishedNames = new ConcurrentHashMap<>();
    private final Map<String, MetricSummary> finishedSummaries = new ConcurrentHashMap<>();
    private final Map<Long, Long> studyOfTrial = new ConcurrentHashMap<>();
    /** Sorted series of finished trials, least recently used dropped first (the storage sorts on every read). */
    private final Map<String, List<MetricPoint>> finishedSeries = new java.util.LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<MetricPoint>> eldest) {
            return size() > SERIES_CACHE;
        }
    };

    /** Reads {@code storage}, looking for changes at most every 200 ms. */
    public StorageDashboardData(TrialStorage storage) {
        this(storage, 200);
    }

    /** Reads {@code storage}, looking for changes at most every {@code refreshMillis} milliseconds. */
    public StorageDashboardData(TrialStorage storage, long refreshMillis) {
        this.storage = storage;
        this.changes = new ChangeLog(storage, refreshMillis * 1_000_000L);
    }

    @Override
    public List<StudySummary> studies() {
        List<StudySummary> out = new ArrayList<>();
        for (StudyRecord r : storage.studies()) {
            out.add(summary(r, storage.trials(r.id(), ALL)));
        }
        return out;
    }

    @Override
    public StudySummary study(long studyId) {
        return summary(storage.study(studyId), storage.trials(studyId, ALL));
    }

    /**
     * The study's summary, its last activity the latest step a running trial logged, or when the change log saw one report
     * an intermediate value (stored without a time), when that is later.
     */
    private StudySummary summary(StudyRecord study, List<FrozenTrial> trials) {
        boolean running = trials.stream().anyMatch(t -> t.state() == TrialState.RUNNING);
        Instant latest = running ? changes.reportSeen(study.id()) : null;
        for (FrozenTrial t : trials) {
            if (t.state() == TrialState.RUNNING) {
                for (String name : storage.metricNames(t.id())) {
                    List<MetricPoint> points = storage.metrics(t.id(), name);
                    latest = points.isEmpty() ? latest : LastActivity.later(latest, points.get(points.size() - 1).wallTime());
                }
            }
        }
        return LastActivity.atLeast(StudySummary.of(study, trials), latest);
    }

    @Override
    public TrialPage trials(long studyId, int afterNumber, int limit) {
        if (limit < 1) {
            throw DashboardException.badRequest("limit must be at least 1, got " + limit);
        }
        List<FrozenTrial> all = storage.trials(studyId, ALL);
        int from = Math.max(0, Math.min(all.size(), afterNumber + 1));
        while (from < all.size() && all.get(from).number() <= afterNumber) {
            from++;
        }
        int to = (int) Math.min(all.size(), (long) from + limit);
        long cursor = to > from ? all.get(to - 1).number() : afterNumber;
        return new TrialPage(all.subList(from, to), cursor, to < all.size());
    }

    @Override
    public List<FrozenTrial> allTrials(long studyId) {
        return storage.trials(studyId, ALL);
    }

    @Override
    public TrialDetail trial(long trialId) {
        FrozenTrial trial = storage.trial(trialId);
        return new TrialDetail(study(studyOf(trialId)), trial, storage.artifacts(trialId), names(trial), Map.of());
    }

    private long studyOf(long trialId) {
        Long known = studyOfTrial.get(trialId);
        if (known != null) {
            return known;
        }
        for (StudyRecord r : storage.studies()) {
            for (FrozenTrial t : storage.trials(r.id(), ALL)) {
                studyOfTrial.put(t.id(), r.id());
            }
        }
        known = studyOfTrial.get(trialId);
        if (known != null) {
            return known;
        }
        throw DashboardException.notFound("no trial with id " + trialId);
    }

    private List<String> names(FrozenTrial trial) {
        List<String> cached = finishedNames.get(trial.id());
        if (cached != null) {
            return cached;
        }
        List<String> names = List.copyOf(new TreeSet<>(storage.metricNames(trial.id())));
        if (FinalRecords.of(trial)) {
            finishedNames.put(trial.id(), names);
        }
        return names;
    }

    @Override
    public List<SummaryTag> summaryTags(long trialId) {
        return storage.summaryTags(trialId);
    }

    @Override
    public List<LoggedSummary> summaries(long trialId, String tag) {
        return storage.summaries(trialId, tag);
    }

    @Override
    public List<String> metricNames(long studyId) {
        return storage.studyMetricNames(studyId);
    }

    @Override
    public MetricSeries series(long trialId, String name, SeriesQuery query) {
        String key = trialId + "\u0000" + name;
        List<MetricPoint> points;
        synchronized (finishedSeries) {
            points = finishedSeries.get(key);
        }
        if (points == null) {
            boolean finished = FinalRecords.of(storage.trial(trialId));
            points = storage.metrics(trialId, name);
            if (finished) {
                synchronized (finishedSeries) {
                    finishedSeries.put(key, points);
                }
            }
        }
        if (points.isEmpty() && !storage.metricNames(trialId).contains(name)) {
            throw DashboardException.notFound("trial " + storage.trial(trialId).number()
                    + " has no metric series '" + name + "'");
        }
        return SeriesSelector.select(trialId, name, points, query);
    }

    @Override
    public Map<Long, MetricSummary> metricSummaries(long studyId, String name) {
        Map<Long, MetricSummary> out = new java.util.LinkedHashMap<>();
        for (FrozenTrial t : storage.trials(studyId, ALL)) {
            if (!names(t).contains(name)) {
                continue;
            }
            String key = t.id() + "\u0000" + name;
            MetricSummary s = finishedSummaries.get(key);
            if (s == null) {
                s = MetricSummaries.of(t.id(), name, storage.metrics(t.id(), name));
                if (FinalRecords.of(t) && s != null) {
                    finishedSummaries.put(key, s);
                }
            }
            if (s != null) {
                out.put(t.id(), s);
            }
        }
        return out;
    }

    @Override
    public long cursor() {
        return changes.cursor();
    }

    @Override
    public Changes changes(long studyId, long cursor) {
        return changes.since(studyId, cursor);
    }

    @Override
    public ArtifactRef artifact(long trialId, String name) {
        return storage.artifacts(trialId).stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> DashboardException.notFound("trial " + storage.trial(trialId).number()
                        + " has no artifact '" + name + "'"));
    }

    @Override
    public InputStream openArtifact(ArtifactRef artifact) {
        try {
            return Files.newInputStream(Path.of(artifact.uri()));
        } catch (IOException | IllegalArgumentException e) {
            throw new DashboardException(DashboardException.Kind.UNAVAILABLE, "artifact '" + artifact.name()
                    + "' cannot be read from " + artifact.uri() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<RegisteredModel> models() {
        throw new DashboardException(DashboardException.Kind.NOT_CONFIGURED, NO_REGISTRY);
    }

    @Override
    public ModelDetail model(String name) {
        throw new DashboardException(DashboardException.Kind.NOT_CONFIGURED, NO_REGISTRY);
    }

    @Override
    public PromoteResult promote(PromoteRequest request) {
        throw new DashboardException(DashboardException.Kind.NOT_CONFIGURED, NO_REGISTRY);
    }
}
