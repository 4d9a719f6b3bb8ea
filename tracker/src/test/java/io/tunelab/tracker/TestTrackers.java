package io.tunelab.tracker;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Path;
import java.util.List;

/** Trackers for tests: an embedded database in a temporary directory, heartbeats off unless asked. */
public final class TestTrackers {
    private TestTrackers() {
    }

    public static Tracker open(Path dir) {
        return Tracker.open(TrackerConfig.inDirectory(dir).withStorage(StorageOptions.defaults().withoutHeartbeat()));
    }

    public static Tracker open(Path dir, StorageOptions options) {
        return Tracker.open(TrackerConfig.inDirectory(dir).withStorage(options));
    }

    /** A COMPLETE trial with value {@code value} in a new or existing minimising study. */
    public static FrozenTrial completeTrial(TrialStorage storage, String study, double value) {
        long id = storage.findStudy(study).orElseGet(() -> storage.createStudy(study, List.of(Direction.MINIMIZE))).id();
        FrozenTrial t = storage.createRunningTrial(id);
        storage.finishTrial(t.id(), TrialState.COMPLETE, List.of(value), null);
        return storage.trial(t.id());
    }
}
