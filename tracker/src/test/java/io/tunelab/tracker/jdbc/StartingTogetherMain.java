package io.tunelab.tracker.jdbc;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Path;

/**
 * A process that, at the instant {@code args[1]} (epoch milliseconds), opens the tracker of directory {@code args[0]} as a
 * user's script or command does: with {@code args[2]} {@code write}, it runs two trials of study {@code shared} (creating
 * it if needed) and closes; with {@code read}, it opens the tracker for reading, looks the study up and closes. It prints
 * {@code ok}, or {@code error MESSAGE} when opening or using the tracker failed.
 */
public final class StartingTogetherMain {
    private StartingTogetherMain() {
    }

    public static void main(String[] args) throws Exception {
        TrackerConfig config = TrackerConfig.inDirectory(Path.of(args[0]));
        long wait = Long.parseLong(args[1]) - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        try {
            if (args[2].equals("write")) {
                try (Tracker tracker = Tracker.open(config)) {
                    Study.builder("shared").direction(Direction.MAXIMIZE).storage(tracker.storage()).createOrLoad()
                            .optimize(trial -> trial.suggestFloat("x", 0, 1), 2);
                }
            } else {
                try (TrialStorage reader = Tracker.openStorageForReading(config)) {
                    reader.findStudy("shared");
                }
            }
            System.out.println("ok");
        } catch (RuntimeException e) {
            System.out.println("error " + e.getMessage());
        }
        System.out.flush();
    }
}
