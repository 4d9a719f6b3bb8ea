package io.tunelab.tracker.durability;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * A process that starts two trials in the embedded database in {@code args[0]}, prints
 * {@code started}, and waits to be terminated without finishing them.
 */
public final class RunningTrialMain {
    private RunningTrialMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        TrialStorage storage = Tracker.openStorage(TrackerConfig.inDirectory(dir));
        long study = storage.createStudy("interrupted", List.of(Direction.MINIMIZE)).id();
        FrozenTrial first = storage.createRunningTrial(study);
        storage.createRunningTrial(study);
        storage.finishTrial(first.id(), io.tunelab.search.trial.TrialState.COMPLETE, List.of(1.0), null);
        storage.createRunningTrial(study);
        System.out.println("started");
        System.out.flush();
        Thread.sleep(120_000);
    }
}
