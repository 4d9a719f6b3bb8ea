package io.tunelab.dashboard.data;

import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.tracker.query.StudySummary;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trial with the context the trial page shows.
 *
 * @param study       the summary of the trial's study
 * @param trial       the trial's snapshot
 * @param artifacts   its artifacts (checkpoints, models, plots)
 * @param metricNames names of its metric series, sorted
 * @param provenance  where its result came from as the store recorded it (seed, sampler, pruner, data set
 *                    fingerprint, runtime, worker), by field; empty when the store records none
 */
public record TrialDetail(StudySummary study, FrozenTrial trial, List<ArtifactRef> artifacts,
                          List<String> metricNames, Map<String, Object> provenance) {
    public TrialDetail {
        artifacts = List.copyOf(artifacts);
        metricNames = List.copyOf(metricNames);
        provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }

    /** This detail with {@code provenance} instead. */
    public TrialDetail withProvenance(Map<String, Object> provenance) {
        return new TrialDetail(study, trial, artifacts, metricNames, provenance);
    }
}
