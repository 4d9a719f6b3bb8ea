package io.tunelab.tracker.durability;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Logs 10,000 points to a new trial in {@code args[0]}, then exits without flushing or closing anything. */
public final class MetricsAtExitMain {
    private MetricsAtExitMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        TrialStorage storage = Tracker.openStorage(TrackerConfig.inDirectory(dir));
        long study = storage.createStudy("exit", List.of(Direction.MINIMIZE)).id();
        long trial = storage.createRunningTrial(study).id();
        Instant now = Instant.now();
        for (int step = 0; step < 10_000; step++) {
            storage.logMetrics(trial, List.of(new MetricPoint("loss", step, 1.0 / (step + 1), now)));
        }
        System.exit(0);
    }
}
