package io.tunelab.dashboard.data;

import io.tunelab.search.trial.FrozenTrial;
import java.util.List;

/**
 * Whether a study changed between two reads of its trials ({@link DashboardData#allTrials}): a changed trial is a new
 * snapshot object and finished trials are cached by the data port, so two reads of an unchanged study hold the very same
 * objects. What is computed from a read may be kept while a later read holds the same snapshots. Stateless.
 */
public final class TrialReads {
    private TrialReads() {
    }

    /** Whether {@code a} and {@code b} hold the very same snapshots, in the same order. */
    public static boolean same(List<FrozenTrial> a, List<FrozenTrial> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }
}
