package io.tunelab.dashboard.data;

import io.tunelab.dashboard.DashboardException;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.storage.StorageException;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.metrics.SeriesColumns;
import io.tunelab.tracker.metrics.SeriesSummary;
import io.tunelab.tracker.provenance.Provenance;
import io.tunelab.tracker.query.ChangeQueries;
import io.tunelab.tracker.query.StudySummary;
import io.tunelab.tracker.query.TrialPage;
import io.tunelab.tracker.registry.AliasMove;
import io.tunelab.tracker.registry.Change;
import io.tunelab.tracker.registry.ModelRegistry;
import io.tunelab.tracker.registry.ModelVersion;
import io.tunelab.tracker.registry.RegisteredModel;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link DashboardData} over the tracker's ports ({@link TrackerPorts}): study summaries are aggregates
 * its query side computes in the database; trials and artifacts come through its trial storage (as in
 * {@link StorageDashboardData}); the change feed comes from the
 * tracker's own cursors ({@link TrackerChangeFeed}: change counters, running trials' row counts, point
 * ids), so a refresh reads only what changed; metric series, their summaries and names come from the
 * tracker's metric queries (only the requested range or summary is read); models, versions, the audit
 * trail and promotion come from its {@link ModelRegistry}.
 *
 * <p><b>Promotion.</b> The application (the CLI) wires a {@link Promoter} that registers the artifact
 * the trial's trainer names as its model and applies the evaluation gate when one is configured. Only
 * when none is wired does {@link #registerAndMove} register the trial itself: a trial with one artifact
 * registers that one, a trial without artifacts registers no file, and a trial with several is refused
 * (CONFLICT), since which of them is the model is the trainer's knowledge, not the dashboard's.
 * Thread-safe.
 */
public final class TrackerDashboardData implements DashboardData {
    private static final String DEFAULT_REASON = "promoted from the dashboard";
    private static final long SETTLED_MILLIS = 5_000;
    private static final int WARM_SERIES = 200;
    /** Metrics per study whose per-trial summaries the warm-up keeps (each a summary per trial). */
    private static final int WARM_SUMMARIES = 4;

    private final TrackerPorts tracker;
    private final StorageDashboardData trials;
    private final Promoter promoter;
    private final TrackerChangeFeed feed;
    private final LruCache<String, MetricSeries> seriesCache = new LruCache<>(1000);
    private final LruCache<String, Map.Entry<List<Long>, Object>> studyCache = new LruCache<>(64);

    /** Reads the tracker's ports; the caller keeps ownership of the tracker (and closes it). No promoter: see the class comment. */
    public TrackerDashboardData(TrackerPorts tracker) {
        this(tracker, null);
    }

    /** Promote requests for a trial go through {@code promoter} when not null; changes are polled at most every 200 ms. */
    public TrackerDashboardData(TrackerPorts tracker, Promoter promoter) {
        this(tracker, promoter, 200);
    }

    /**
     * @param promoter      registers trials as model versions (null: see the class comment)
     * @param refreshMillis the change feed asks the database at most this often (0: on every call)
     */
    public TrackerDashboardData(TrackerPorts tracker, Promoter promoter, long refreshMillis) {
        this.tracker = tracker;
        this.trials = new StorageDashboardData(tracker.storage());
        this.promoter = promoter;
        this.feed = new TrackerChangeFeed(tracker.changes(), refreshMillis, id -> tracker.storage().study(id).systemAttrs());
    }

    /**
     * Aggregates computed by the database (no trial is loaded), recomputed when a study's change counter moves; the last
     * activity of a study with running trials is the latest step they logged, when later ({@link #withReports}).
     */
    @Override
    public List<StudySummary> studies() {
        return tracker.queries().studies().stream().map(this::withReports).toList();
    }

    /** The change feed watches the study's attributes from this read on (see {@link DashboardData#study}). */
    @Override
    public StudySummary study(long studyId) {
        feed.watch(studyId);
        return withReports(tracker.queries().study(studyId));
    }

    /**
     * The study with its last activity at the wall time of the latest step its running trials logged, if later: logging
     * points does not move the study's aggregates (a read of each running trial's series summaries); or when the change
     * feed saw one report an intermediate value, which is stored without a time.
     */
    private StudySummary withReports(StudySummary study) {
        if (study.counts().get(TrialState.RUNNING) == 0) {
            return study;
        }
        Instant latest = feed.reportSeen(study.id());
        for (ChangeQueries.TrialActivity running : tracker.changes().activity(study.id())) {
            for (SeriesSummary s : tracker.metrics().summaries(running.trialId())) {
                latest = LastActivity.later(latest, s.lastWall());
            }
        }
        return LastActivity.atLeast(study, latest);
    }

    @Override
    public TrialPage trials(long studyId, int afterNumber, int limit) {
        return tracker.queries().trials(studyId, afterNumber, limit);
    }

    @Override
    public List<FrozenTrial> allTrials(long studyId) {
        return tracker.queries().allTrials(studyId);
    }

    /** Read from the search space the tracker maintains, not by walking the trials. */
    @Override
    public Map<String, Distribution> space(long studyId) {
        return tracker.queries().space(studyId);
    }

    /** With the provenance the tracker recorded when the trial finished. */
    @Override
    public TrialDetail trial(long trialId) {
        TrialDetail detail = trials.trial(trialId);
        return tracker.queries().provenance(trialId).map(p -> detail.withProvenance(provenance(p))).orElse(detail);
    }

    private static Map<String, Object> provenance(Provenance p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("seed", p.seed());
        out.put("sampler", p.sampler());
        out.put("pruner", p.pruner());
        out.put("datasetFingerprint", p.datasetFingerprint());
        out.put("java", p.runtime().java());
        out.put("os", p.runtime().os());
        out.put("libraries", p.runtime().libraries());
        out.put("host", p.host());
        out.put("worker", p.workerId());
        out.put("execution", p.execution());
        return out;
    }

    @Override
    public List<SummaryTag> summaryTags(long trialId) {
        return trials.summaryTags(trialId);
    }

    @Override
    public List<LoggedSummary> summaries(long trialId, String tag) {
        return trials.summaries(trialId, tag);
    }

    /** Cached until the study changes or any point is written (a running trial may log a new name). */
    @Override
    public List<String> metricNames(long studyId) {
        tracker.storage().study(studyId);
        return studyReads(studyId, "names", () -> tracker.metrics().studyMetricNames(studyId));
    }

    /**
     * What {@code read} returns for a study, cached while the study's change counter and the last point
     * id stay as they were (two one-row reads): nothing the study page reads of the study can change
     * without moving one of them, except a running trial's parameters and intermediate values.
     */
    @SuppressWarnings("unchecked")
    private <T> T studyReads(long studyId, String what, java.util.function.Supplier<T> read) {
        List<Long> version = List.of(tracker.changes().counters().getOrDefault(studyId, -1L), tracker.changes().lastPointId());
        String key = studyId + "\u0000" + what;
        Map.Entry<List<Long>, Object> cached = studyCache.get(key);
        if (cached != null && cached.getKey().equals(version)) {
            return (T) cached.getValue();
        }
        T value = read.get();
        studyCache.put(key, Map.entry(version, value));
        return value;
    }

    /**
     * Read as primitive columns. Whole series reduced to at most 5,000 points are cached for trials that
     * finished more than {@value #SETTLED_MILLIS} ms ago (their last points are flushed by then), but a retried
     * failure's, whose series may still move to its retry ({@link FinalRecords}).
     */
    @Override
    public MetricSeries series(long trialId, String name, SeriesQuery query) {
        boolean whole = query.fromStep() == Long.MIN_VALUE && query.toStep() == Long.MAX_VALUE
                && query.afterStep() == Long.MIN_VALUE && query.maxPoints() > 0 && query.maxPoints() <= 5000;
        String key = trialId + "\u0000" + query.maxPoints() + "\u0000" + name;
        MetricSeries cached = whole ? seriesCache.get(key) : null;
        if (cached != null) {
            return cached;
        }
        long from = query.afterStep() == Long.MIN_VALUE ? query.fromStep() : Math.max(query.fromStep(), query.afterStep() + 1);
        SeriesColumns points = tracker.metrics().columns(trialId, name, from, query.toStep());
        if (points.size() == 0 && !tracker.metrics().names(trialId).contains(name)) {
            throw DashboardException.notFound("trial " + tracker.queries().trial(trialId).number()
                    + " has no metric series '" + name + "'");
        }
        MetricSeries out = SeriesSelector.select(trialId, name, points.steps(), points.values(), points.walls(), points.size(), query);
        if (whole && settled(trialId)) {
            seriesCache.put(key, out);
        }
        return out;
    }

    private boolean settled(long trialId) {
        FrozenTrial t = tracker.storage().trial(trialId);
        return FinalRecords.of(t) && t.end() != null
                && t.end().isBefore(java.time.Instant.now().minusMillis(SETTLED_MILLIS));
    }

    /**
     * Fills the caches a first page load needs: every study's trials (the storage's snapshot cache), the
     * change feed's baseline, the per-trial summaries of each study's first {@value #WARM_SUMMARIES} metrics
     * (what the trials table sorts and filters a metric column by; read by the same query the series
     * warm-up needs anyway), and the whole series longer than {@code seriesPoints} points reduced to
     * that many (at most {@value #WARM_SERIES} series, the scalars view's first request).
     */
    @Override
    public void warmUp(int seriesPoints) {
        cursor();
        int warmed = 0;
        for (StudySummary study : studies()) {
            List<String> names = metricNames(study.id());
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                Map<Long, Long> counts = new LinkedHashMap<>();
                if (i < WARM_SUMMARIES) {
                    metricSummaries(study.id(), name).values().forEach(s -> counts.put(s.trialId(), s.count()));
                } else {
                    tracker.metrics().column(study.id(), name).values().forEach(s -> counts.put(s.trialId(), s.count()));
                }
                for (Map.Entry<Long, Long> s : counts.entrySet()) {
                    if (s.getValue() > seriesPoints && warmed++ < WARM_SERIES) {
                        series(s.getKey(), name, SeriesQuery.downsampled(seriesPoints));
                    }
                }
            }
        }
    }

    /** Cached as {@link #metricNames} is. */
    @Override
    public Map<Long, MetricSummary> metricSummaries(long studyId, String name) {
        return studyReads(studyId, "summaries\u0000" + name, () -> {
            Map<Long, MetricSummary> out = new LinkedHashMap<>();
            for (SeriesSummary s : tracker.metrics().column(studyId, name).values()) {
                out.put(s.trialId(), new MetricSummary(s.trialId(), s.name(), s.count(), s.lastStep(), s.lastValue(),
                        orNaN(s.min()), orNaN(s.max())));
            }
            return Collections.unmodifiableMap(out);
        });
    }

    @Override
    public long cursor() {
        return feed.cursor();
    }

    @Override
    public Changes changes(long studyId, long cursor) {
        return feed.since(studyId, cursor);
    }

    /** Rows the change feed has read from the database so far (a refresh reads only what changed). */
    public long changeFeedRowsRead() {
        return feed.rowsRead();
    }

    @Override
    public ArtifactRef artifact(long trialId, String name) {
        return trials.artifact(trialId, name);
    }

    @Override
    public InputStream openArtifact(ArtifactRef artifact) {
        return tracker.artifacts().open(artifact);
    }

    @Override
    public List<RegisteredModel> models() {
        return tracker.registry().models();
    }

    @Override
    public ModelDetail model(String name) {
        ModelRegistry registry = tracker.registry();
        List<ModelVersion> versions = new ArrayList<>(registry.versions(name));
        versions.sort(Comparator.comparingInt(ModelVersion::version).reversed());
        List<AliasMove> audit = new ArrayList<>(registry.aliasHistory(name));
        Collections.reverse(audit);
        return new ModelDetail(registry.model(name), versions, audit);
    }

    @Override
    public List<AliasMove> deletedModelTrail(String name) {
        ModelRegistry registry = tracker.registry();
        if (registry.findModel(name).isPresent()) {
            return List.of();
        }
        List<AliasMove> trail;
        try {
            trail = new ArrayList<>(registry.aliasHistory(name));
        } catch (StorageException e) {
            if (e.kind() != StorageException.Kind.NOT_FOUND) {
                throw e;
            }
            return List.of();
        }
        Collections.reverse(trail);
        return trail.isEmpty() || !trail.get(0).modelDeleted() ? List.of() : trail;
    }

    @Override
    public PromoteResult promote(PromoteRequest request) {
        if (promoter != null && request.trialId() != null) {
            return promoter.promote(request, trial(request.trialId()));
        }
        return registerAndMove(request);
    }

    /**
     * Promotes without a {@link Promoter}: registers the trial (if one is given) with its only artifact,
     * or with none if it has none, then moves the alias. CONFLICT when the trial has several artifacts.
     * Promoters call it for studies they cannot judge (e.g. studies not created from a study file).
     */
    public PromoteResult registerAndMove(PromoteRequest request) {
        ModelRegistry registry = tracker.registry();
        int version;
        if (request.trialId() != null) {
            String artifact = onlyArtifact(request.trialId());
            if (registry.findModel(request.model()).isEmpty()) {
                registry.createModel(request.model(), "");
            }
            version = registry.createVersion(request.model(), request.trialId(), artifact, request.reason(), request.actor()).version();
        } else {
            version = request.version();
        }
        String reason = request.reason().isBlank() ? DEFAULT_REASON : request.reason();
        String actor = request.actor().isBlank() ? "dashboard" : request.actor();
        AliasMove move = registry.setAlias(request.model(), request.alias(), version, Change.by(actor, reason));
        return new PromoteResult(true, registry.version(request.model(), version), move, null);
    }

    private String onlyArtifact(long trialId) {
        List<ArtifactRef> artifacts = tracker.queries().artifacts(trialId);
        if (artifacts.size() > 1) {
            throw new DashboardException(DashboardException.Kind.CONFLICT, "trial " + tracker.queries().trial(trialId).number()
                    + " has several artifacts (" + artifacts.stream().map(ArtifactRef::name).toList() + ") and no promoter"
                    + " is configured to tell which one is the model; `tunelab dashboard` configures one");
        }
        return artifacts.isEmpty() ? null : artifacts.get(0).name();
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }
}
