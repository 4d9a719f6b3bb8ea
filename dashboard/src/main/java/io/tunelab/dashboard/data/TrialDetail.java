package io.tunelab.dashboard.data;

import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.FrozenTrial;
import java.util.List;

/**
 * A trial with the context the trial page shows.
 *
 * @param study       the summary of the trial's study
 * @param trial       the trial's snapshot
 * @param artifacts   its artifacts (checkpoints, models, plots)
 * @param metricNames names of its metric series, sorted
 */
public record TrialDetail(StudySummary study, FrozenTrial trial, List<ArtifactRef> artifacts,
                          List<String> metricNames) {
    public TrialDetail {
        artifacts = List.copyOf(artifacts);
        metricNames = List.copyOf(metricNames);
    }
}
