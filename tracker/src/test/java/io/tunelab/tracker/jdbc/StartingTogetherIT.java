package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.tracker.durability.JavaProcess;
import io.tunelab.tracker.durability.StartedProcesses;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processes that open one directory's tracker at the same instant (the same script started in several terminals, as
 * Optuna users do with one SQLite file), and short-lived readers that hold the file for a moment beside them, all get
 * their work done: whoever finds the file taken waits for its holder's share, or for the file, instead of failing.
 */
@Timeout(240)
class StartingTogetherIT {
    @TempDir
    Path dir;

    @RegisterExtension
    final StartedProcesses<Process> started = StartedProcesses.killed();

    /** Starts a {@link StartingTogetherMain} that begins {@code mode} on the tracker of {@code tracker} at {@code instant}. */
    private Process start(Path tracker, long instant, String mode) throws Exception {
        return started.add(JavaProcess.start(StartingTogetherMain.class, tracker.toString(), Long.toString(instant), mode));
    }

    /** What each process printed last, once all have exited. */
    private static List<String> outcomes(List<Process> processes) throws Exception {
        List<String> said = new ArrayList<>();
        for (Process p : processes) {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String last = "nothing";
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    last = line;
                }
                said.add(last);
            }
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("exited").isTrue();
        }
        return said;
    }

    /** A moment far enough ahead for every JVM to have started and wait for it. */
    private static long soon() {
        return System.currentTimeMillis() + 4_000;
    }

    @Test
    void threeScriptsStartedAtTheSameInstantOnADirectoryNotMadeYetAllRunTheirTrials() throws Exception {
        Path tracker = dir.resolve("new").resolve("st1");
        long instant = soon();
        List<Process> writers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            writers.add(start(tracker, instant, "write"));
        }

        assertThat(outcomes(writers)).containsOnly("ok");
        try (TrialStorage reader = Tracker.openStorageForReading(TrackerConfig.inDirectory(tracker))) {
            assertThat(reader.findStudy("shared")).isPresent();
        }
    }

    @Test
    void writersStartingBesideABurstOfShortLivedReadersAllGetTheirWorkDone() throws Exception {
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(dir))) {
            tracker.storage().createStudy("shared", List.of(Direction.MAXIMIZE));
        }
        long instant = soon();
        List<Process> all = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            all.add(start(dir, instant + 150L * i, "read"));
        }
        for (int i = 0; i < 3; i++) {
            all.add(start(dir, instant + 300L * i, "write"));
        }

        assertThat(outcomes(all)).containsOnly("ok");
    }
}
