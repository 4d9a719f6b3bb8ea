package io.tunelab.dashboard;

import io.tunelab.dashboard.data.TrackerPorts;
import io.tunelab.tracker.setup.Tracker;

/** What a dashboard test hands the dashboard of an open tracker, as the CLI does. */
public final class TestTrackers {
    private TestTrackers() {
    }

    /** The ports of {@code tracker} the dashboard reads. */
    public static TrackerPorts ports(Tracker tracker) {
        return new TrackerPorts(tracker.storage(), tracker.queries(), tracker.changes(), tracker.metrics(), tracker.registry(),
                tracker.artifacts());
    }
}
