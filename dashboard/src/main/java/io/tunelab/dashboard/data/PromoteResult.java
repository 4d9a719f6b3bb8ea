package io.tunelab.dashboard.data;

import io.tunelab.tracker.registry.AliasMove;
import io.tunelab.tracker.registry.ModelVersion;

/**
 * The outcome of a promotion.
 *
 * @param moved   whether the alias now points at the version (false when the gate refused)
 * @param version the version concerned
 * @param move    the audit-trail entry written, or null if nothing moved
 * @param gate    the evaluation gate's verdict, or null if no gate is configured
 */
public record PromoteResult(boolean moved, ModelVersion version, AliasMove move, GateVerdict gate) {

    /**
     * What an evaluation gate said about a candidate version.
     *
     * @param passed  whether the version may take the alias
     * @param message a sentence for humans, e.g. "val_accuracy 0.91 >= production's 0.89"
     */
    public record GateVerdict(boolean passed, String message) {
    }
}
