package io.tunelab.dashboard.data;

import java.util.List;

/**
 * A registered model with its versions (newest first) and its audit trail (newest first).
 */
public record ModelDetail(RegisteredModel model, List<ModelVersion> versions, List<AliasMove> audit) {
    public ModelDetail {
        versions = List.copyOf(versions);
        audit = List.copyOf(audit);
    }
}
