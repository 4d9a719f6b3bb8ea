package io.tunelab.tracker.durability;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.tracker.db.DatabaseSettings;
import io.tunelab.tracker.store.JdbcTrialStorage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Logs 10,000 points to a new trial in {@code args[0]}, then exits without flushing or closing anything. */
public final class MetricsAtExitMain {
    private MetricsAtExitMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        JdbcTrialStorage storage = JdbcTrialStorage.open(DatabaseSettings.embeddedUrl(dir), dir.resolve("artifacts"));
        long study = storage.createStudy("exit", List.of(Direction.MINIMIZE)).id();
        long trial = storage.createRunningTrial(study).id();
        Instant now = Instant.now();
        for (int step = 0; step < 10_000; step++) {
            storage.logMetrics(trial, List.of(new MetricPoint("loss", step, 1.0 / (step + 1), now)));
        }
        System.exit(0);
    }
}
