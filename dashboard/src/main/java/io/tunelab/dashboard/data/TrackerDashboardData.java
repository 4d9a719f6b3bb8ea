package io.tunelab.dashboard.data;

import io.tunelab.dashboard.DashboardException;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.tracker.metrics.SeriesSummary;
import io.tunelab.tracker.registry.Change;
import io.tunelab.tracker.registry.ModelRegistry;
import io.tunelab.tracker.registry.VersionMetric;
import io.tunelab.tracker.setup.Tracker;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link DashboardData} over the tracker: studies, trials, artifacts and the change feed come through
 * its trial storage (as in {@link StorageDashboardData}); metric series, their summaries and names come
 * from the tracker's SQL query side (only the requested range or summary is read); models, versions,
 * the audit trail and promotion come from its {@link ModelRegistry}. No evaluation gate is configured,
 * so promotions carry no verdict. Thread-safe.
 */
public final class TrackerDashboardData implements DashboardData {
    private static final String DEFAULT_REASON = "promoted from the dashboard";

    private final Tracker tracker;
    private final StorageDashboardData trials;
    private final Promoter promoter;

    /** Reads {@code tracker}; the caller keeps ownership of it (and closes it). Promote moves aliases directly. */
    public TrackerDashboardData(Tracker tracker) {
        this(tracker, null);
    }

    /** Promote requests for a trial go through {@code promoter} (e.g. with an evaluation gate), when not null. */
    public TrackerDashboardData(Tracker tracker, Promoter promoter) {
        this.tracker = tracker;
        this.trials = new StorageDashboardData(tracker.storage());
        this.promoter = promoter;
    }

    @Override
    public List<StudySummary> studies() {
        return trials.studies();
    }

    @Override
    public StudySummary study(long studyId) {
        return trials.study(studyId);
    }

    @Override
    public TrialPage trials(long studyId, int afterNumber, int limit) {
        io.tunelab.tracker.query.TrialPage page = tracker.queries().trials(studyId, afterNumber, limit);
        return new TrialPage(page.trials(), page.more());
    }

    @Override
    public List<FrozenTrial> allTrials(long studyId) {
        return tracker.queries().allTrials(studyId);
    }

    @Override
    public TrialDetail trial(long trialId) {
        return trials.trial(trialId);
    }

    @Override
    public List<String> metricNames(long studyId) {
        tracker.storage().study(studyId);
        return tracker.metrics().studyMetricNames(studyId);
    }

    @Override
    public MetricSeries series(long trialId, String name, SeriesQuery query) {
        long from = query.afterStep() == Long.MIN_VALUE ? query.fromStep() : Math.max(query.fromStep(), query.afterStep() + 1);
        List<MetricPoint> points = tracker.metrics().series(trialId, name, from, query.toStep());
        if (points.isEmpty() && !tracker.metrics().names(trialId).contains(name)) {
            throw DashboardException.notFound("trial " + tracker.queries().trial(trialId).number()
                    + " has no metric series '" + name + "'");
        }
        return Downsampler.select(trialId, name, points, query);
    }

    @Override
    public Map<Long, MetricSummary> metricSummaries(long studyId, String name) {
        Map<Long, MetricSummary> out = new LinkedHashMap<>();
        for (SeriesSummary s : tracker.metrics().column(studyId, name).values()) {
            out.put(s.trialId(), new MetricSummary(s.trialId(), s.name(), s.count(), s.lastStep(), s.lastValue(),
                    orNaN(s.min()), orNaN(s.max())));
        }
        return out;
    }

    @Override
    public long cursor() {
        return trials.cursor();
    }

    @Override
    public Changes changes(long studyId, long cursor) {
        return trials.changes(studyId, cursor);
    }

    @Override
    public ArtifactRef artifact(long trialId, String name) {
        return trials.artifact(trialId, name);
    }

    @Override
    public InputStream openArtifact(ArtifactRef artifact) {
        return trials.openArtifact(artifact);
    }

    @Override
    public List<RegisteredModel> models() {
        return tracker.registry().models().stream().map(TrackerDashboardData::model).toList();
    }

    @Override
    public ModelDetail model(String name) {
        ModelRegistry registry = tracker.registry();
        List<ModelVersion> versions = new ArrayList<>(registry.versions(name).stream().map(TrackerDashboardData::version).toList());
        versions.sort(Comparator.comparingInt(ModelVersion::version).reversed());
        List<AliasMove> audit = new ArrayList<>(registry.aliasHistory(name).stream().map(TrackerDashboardData::move).toList());
        java.util.Collections.reverse(audit);
        return new ModelDetail(model(registry.model(name)), versions, audit);
    }

    @Override
    public PromoteResult promote(PromoteRequest request) {
        if (promoter != null && request.trialId() != null) {
            return promoter.promote(request, trial(request.trialId()));
        }
        ModelRegistry registry = tracker.registry();
        int version;
        if (request.trialId() != null) {
            if (registry.findModel(request.model()).isEmpty()) {
                registry.createModel(request.model(), "");
            }
            List<ArtifactRef> artifacts = tracker.queries().artifacts(request.trialId());
            String artifact = artifacts.isEmpty() ? null : artifacts.get(0).name();
            version = registry.createVersion(request.model(), request.trialId(), artifact, request.reason(), request.actor()).version();
        } else {
            version = request.version();
        }
        String reason = request.reason().isBlank() ? DEFAULT_REASON : request.reason();
        String actor = request.actor().isBlank() ? "dashboard" : request.actor();
        AliasMove move = move(registry.setAlias(request.model(), request.alias(), version, Change.by(actor, reason)));
        return new PromoteResult(true, version(registry.version(request.model(), version)), move, null);
    }

    /** The dashboard's view of a registry version (for promoters that work with the registry themselves). */
    public ModelVersion version(String model, int version) {
        return version(tracker.registry().version(model, version));
    }

    /** The dashboard's view of an audit-trail entry. */
    public static AliasMove toMove(io.tunelab.tracker.registry.AliasMove move) {
        return move(move);
    }

    private static RegisteredModel model(io.tunelab.tracker.registry.RegisteredModel m) {
        return new RegisteredModel(m.name(), m.description() == null ? "" : m.description(), m.tags(), m.latestVersion(),
                m.aliases(), m.updated());
    }

    private static ModelVersion version(io.tunelab.tracker.registry.ModelVersion v) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Map.Entry<String, VersionMetric> e : v.metrics().entrySet()) {
            metrics.put(e.getKey(), e.getValue().last());
        }
        ArtifactRef artifact = v.source().artifact();
        return new ModelVersion(v.model(), v.version(), v.source().trialId(), v.source().study(), v.source().trialNumber(),
                artifact == null ? "" : artifact.uri().toString(), v.params(), metrics, v.archived(), v.created());
    }

    private static AliasMove move(io.tunelab.tracker.registry.AliasMove m) {
        String actor = m.host() == null || m.host().isBlank() ? m.actor() : m.actor() + " (" + m.host() + ")";
        return new AliasMove(m.model(), m.alias(), m.fromVersion(), m.toVersion(), m.when(), actor, m.reason());
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }
}
