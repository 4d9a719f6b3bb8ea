package io.tunelab.dashboard.data;

import io.tunelab.tracker.query.StudySummary;
import java.time.Instant;

/**
 * A study's last activity as the dashboard shows it: the summary's (the latest trial start or end) or, when later, the
 * wall time of the latest step a running trial reported (a metric point's, or for an intermediate value, which is stored
 * without a time, when the change feed saw it), so a study whose trials are in their epochs is seen moving. Stateless.
 */
final class LastActivity {
    private LastActivity() {
    }

    /** {@code study}, with its last activity moved to {@code reported} when that is later; null: as it is. */
    static StudySummary atLeast(StudySummary study, Instant reported) {
        if (reported == null || !reported.isAfter(study.lastActivity())) {
            return study;
        }
        return new StudySummary(study.id(), study.name(), study.directions(), study.counts(), study.bestValues(),
                study.bestNumber(), study.paretoSize(), study.sampler(), study.created(), reported, study.attrs(),
                study.userAttrs(), study.infeasible());
    }

    /** The later of two instants, either of which may be null. */
    static Instant later(Instant a, Instant b) {
        return a == null || b != null && b.isAfter(a) ? b : a;
    }
}
