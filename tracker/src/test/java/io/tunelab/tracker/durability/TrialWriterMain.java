package io.tunelab.tracker.durability;

import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A writer process for the kill -9 test: opens the embedded database in {@code args[0]}, then runs
 * trials forever, printing {@code done <number>} after each finishTrial returns (the acknowledgement).
 */
public final class TrialWriterMain {
    private TrialWriterMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        PrintStream out = System.out;
        TrialStorage storage = Tracker.openStorage(TrackerConfig.inDirectory(dir));
        long study = storage.createStudy("durable", List.of(Direction.MINIMIZE)).id();
        out.println("ready");
        out.flush();
        for (int i = 0; ; i++) {
            FrozenTrial t = storage.createRunningTrial(study);
            storage.setParam(t.id(), "x", i / 1e6, FloatDistribution.uniform(0, 1));
            storage.logMetrics(t.id(), List.of(new MetricPoint("loss", 0, i, Instant.now())));
            storage.flush();
            storage.finishTrial(t.id(), TrialState.COMPLETE, List.of((double) i), null);
            out.println("done " + t.number());
            out.flush();
        }
    }
}
