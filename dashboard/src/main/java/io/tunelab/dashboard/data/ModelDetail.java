package io.tunelab.dashboard.data;

import io.tunelab.tracker.registry.AliasMove;
import io.tunelab.tracker.registry.ModelVersion;
import io.tunelab.tracker.registry.RegisteredModel;
import java.util.List;

/**
 * A registered model with its versions (newest first) and its audit trail (newest first), as the
 * tracker's registry records them.
 */
public record ModelDetail(RegisteredModel model, List<ModelVersion> versions, List<AliasMove> audit) {
    public ModelDetail {
        versions = List.copyOf(versions);
        audit = List.copyOf(audit);
    }
}
