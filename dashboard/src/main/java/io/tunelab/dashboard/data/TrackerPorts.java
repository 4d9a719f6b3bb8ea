package io.tunelab.dashboard.data;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.tracker.artifact.ArtifactRepository;
import io.tunelab.tracker.metrics.MetricQueries;
import io.tunelab.tracker.query.ChangeQueries;
import io.tunelab.tracker.query.TrackerQueries;
import io.tunelab.tracker.registry.ModelRegistry;
import java.util.Objects;

/**
 * The tracker ports {@link TrackerDashboardData} reads, all over one tracker database; the application
 * (the CLI) opens the tracker and passes them in. None may be null.
 *
 * @param storage  the tracking store: studies, trials, artifacts
 * @param queries  the read side: pages of trials, provenance
 * @param changes  the indexed reads behind the change feed
 * @param metrics  metric series, their summaries and names
 * @param registry  registered models, versions and alias moves
 * @param artifacts the artifact files, read only through it (its root and link checks apply to every download)
 */
public record TrackerPorts(TrialStorage storage, TrackerQueries queries, ChangeQueries changes, MetricQueries metrics,
                           ModelRegistry registry, ArtifactRepository artifacts) {
    public TrackerPorts {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(queries, "queries");
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(artifacts, "artifacts");
    }
}
