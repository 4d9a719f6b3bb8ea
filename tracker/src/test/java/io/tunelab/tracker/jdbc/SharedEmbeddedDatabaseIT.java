package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.durability.JavaProcess;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * While another process holds a directory's embedded database (a study running in another terminal), others of this
 * machine reach it through that process's share, and keep going from the file once it ends.
 */
class SharedEmbeddedDatabaseIT {
    @TempDir
    Path dir;

    /** Starts a process holding the database of {@link #dir}; returns it once it says it is ready. */
    private Process holder(BufferedReader[] output, String... mode) throws Exception {
        Process holder = JavaProcess.start(HoldingTrackerMain.class, mode.length == 0 ? new String[] {dir.toString()}
                : new String[] {dir.toString(), mode[0]});
        output[0] = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertThat(output[0].readLine()).isEqualTo("ready");
        return holder;
    }

    @Test
    void anotherProcessReadsAndWritesThroughTheHolderAndKeepsGoingFromTheFileAfterIt() throws Exception {
        TrackerConfig config = TrackerConfig.inDirectory(dir);
        BufferedReader[] output = new BufferedReader[1];
        Process holder = holder(output);
        try (BufferedReader out = output[0]) {
            try (TrialStorage reader = Tracker.openStorageForReading(config)) {
                assertThat(reader.findStudy("held")).as("a read command sees the held study").isPresent();
            }
            try (Tracker joined = Tracker.open(config)) {
                joined.storage().createStudy("before", List.of(Direction.MAXIMIZE));

                holder.getOutputStream().close();
                assertThat(out.readLine()).isEqualTo("closed");
                assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(dir.resolve(LocalShare.FILE)).as("the holder ended its share").doesNotExist();

                joined.storage().createStudy("after", List.of(Direction.MAXIMIZE));
                assertThat(joined.storage().findStudy("held")).as("the joined process now reads the file").isPresent();
                assertThat(dir.resolve(LocalShare.FILE)).as("and shares it in turn").exists();
            }
            assertThat(dir.resolve(LocalShare.FILE)).as("until it closes").doesNotExist();
        } finally {
            holder.destroyForcibly();
        }
        try (TrialStorage reader = Tracker.openStorageForReading(config)) {
            assertThat(reader.findStudy("before")).as("what was written through the share is in the file").isPresent();
            assertThat(reader.findStudy("after")).as("what was written after the holder ended too").isPresent();
        }
    }

    /** Starts a process holding the file of {@link #dir} without sharing it, for {@code millis}; returns once it does. */
    private Process takingOver(long millis) throws Exception {
        Process holder = JavaProcess.start(FileHoldingMain.class, dir.toString(), Long.toString(millis));
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("ready");
        return holder;
    }

    /**
     * Opens the database of {@link #dir} and writes to it while another process takes the file over, the share file
     * left behind by the holder that ended naming {@code leftShare} (none if null).
     */
    private void opensAndWritesDuringAHandOver(String leftShare) throws Exception {
        Process successor = takingOver(3_000);
        if (leftShare != null) {
            Files.writeString(dir.resolve(LocalShare.FILE), leftShare + "\n");
        }
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(dir))) {
            tracker.storage().createStudy("opened", List.of(Direction.MAXIMIZE));
        } finally {
            successor.destroyForcibly();
        }
    }

    @Test
    void aProcessOpeningTheDatabaseWhileItChangesHandsWaitsForTheHandOver() throws Exception {
        opensAndWritesDuringAHandOver(null);
    }

    @Test
    void aProcessFindingTheShareOfAHolderThatJustEndedWaitsForTheHandOver() throws Exception {
        opensAndWritesDuringAHandOver("jdbc:h2:tcp://127.0.0.1:1/share_00");
    }

    @Test
    void aFileHeldByAProcessThatDoesNotShareItIsReportedByItsFileAfterTheHandOverWait() throws Exception {
        Process server = takingOver(60_000);
        try {
            long began = System.nanoTime();
            assertThatThrownBy(() -> Tracker.open(TrackerConfig.inDirectory(dir)))
                    .hasMessageStartingWith("the tracker database " + dir.resolve("tracker.mv.db") + " is held by another process"
                            + " that does not share it")
                    .hasMessageNotContaining("90020").hasMessageNotContaining("DB_CLOSE_ON_EXIT");
            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Database.HAND_OVER.plusSeconds(10));
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void whatAJoinedProcessSaysNamesTheFileNotTheSecretShare() throws Exception {
        Process holder = holder(new BufferedReader[1]);
        try (Database joined = Database.open(DatabaseSettings.embedded(dir))) {
            assertThat(joined.url()).startsWith("jdbc:h2:retry:").doesNotContain("share_");
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void aHolderThatExitsWithoutClosingRemovesItsShareFile() throws Exception {
        Process holder = holder(new BufferedReader[1], "exit");
        assertThat(dir.resolve(LocalShare.FILE)).exists();

        holder.getOutputStream().close();
        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(dir.resolve(LocalShare.FILE)).doesNotExist();
    }

    @Test
    void aShareFileLeftByAKilledHolderIsIgnored() throws Exception {
        TrackerConfig config = TrackerConfig.inDirectory(dir);
        Process holder = holder(new BufferedReader[1]);
        holder.destroyForcibly();
        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(dir.resolve(LocalShare.FILE)).as("kill -9 leaves the file").exists();

        try (Tracker tracker = Tracker.open(config)) {
            assertThat(tracker.storage().findStudy("held")).isPresent();
        }
    }
}
