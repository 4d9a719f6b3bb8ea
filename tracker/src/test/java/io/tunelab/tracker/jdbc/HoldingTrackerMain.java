package io.tunelab.tracker.jdbc;

import io.tunelab.search.trial.Direction;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * A process that holds the embedded database in {@code args[0]} open, as a running study does: it creates study
 * {@code held}, prints {@code ready}, and closes the database when its standard input ends; with {@code args[1]}
 * {@code exit}, it exits then without closing anything, as a dashboard stopped by SIGTERM does.
 */
public final class HoldingTrackerMain {
    private HoldingTrackerMain() {
    }

    public static void main(String[] args) throws Exception {
        Tracker tracker = Tracker.open(TrackerConfig.inDirectory(Path.of(args[0])));
        tracker.storage().createStudy("held", List.of(Direction.MINIMIZE));
        System.out.println("ready");
        System.out.flush();
        while (System.in.read() >= 0) {
            // held until the test closes our standard input
        }
        if (args.length > 1 && args[1].equals("exit")) {
            System.exit(0);
        }
        tracker.close();
        System.out.println("closed");
        System.out.flush();
    }
}
