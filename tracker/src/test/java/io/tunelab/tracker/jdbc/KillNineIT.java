package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.artifact.LocalArtifactRepository;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.durability.JavaProcess;
import io.tunelab.tracker.durability.MetricsAtExitMain;
import io.tunelab.tracker.durability.RunningTrialMain;
import io.tunelab.tracker.durability.TrialWriterMain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acknowledged trial completions survive a kill -9; queued metric points are written when a process exits. */
@org.junit.jupiter.api.Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
class KillNineIT {
    @TempDir
    Path tmp;

    @Test
    void everyCompletionAcknowledgedBeforeAKillNineIsStillThereAfterReopening() throws Exception {
        Path dir = tmp.resolve("db");
        Process writer = JavaProcess.start(TrialWriterMain.class, dir.toString());
        List<Integer> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < 400 && (line = out.readLine()) != null) {
                if (line.startsWith("done ")) {
                    acknowledged.add(Integer.parseInt(line.substring(5)));
                }
            }
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSize(400);

        try (JdbcTrialStorage reopened = new JdbcTrialStorage(Database.open(DatabaseSettings.embedded(dir)), true,
                new LocalArtifactRepository(dir.resolve("artifacts")), StorageOptions.defaults())) {
            long study = reopened.findStudy("durable").orElseThrow().id();
            List<FrozenTrial> complete = reopened.trials(study, EnumSet.of(TrialState.COMPLETE));
            assertThat(complete).extracting(FrozenTrial::number).containsAll(acknowledged);
            for (FrozenTrial t : complete) {
                assertThat(t.value()).isEqualTo((double) t.number());
                assertThat(reopened.metrics(t.id(), "loss")).hasSize(1);
            }
        }
    }

    @Test
    void metricPointsStillQueuedWhenAProcessExitsAreWrittenByTheShutdownHook() throws Exception {
        Path dir = tmp.resolve("exit");
        Process writer = JavaProcess.start(MetricsAtExitMain.class, dir.toString());
        writer.getInputStream().readAllBytes();
        assertThat(writer.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(writer.exitValue()).isZero();
        try (JdbcTrialStorage reopened = new JdbcTrialStorage(Database.open(DatabaseSettings.embedded(dir)), true,
                new LocalArtifactRepository(dir.resolve("artifacts")), StorageOptions.defaults())) {
            long study = reopened.findStudy("exit").orElseThrow().id();
            FrozenTrial trial = reopened.trialByNumber(study, 0);
            assertThat(reopened.metrics(trial.id(), "loss")).hasSize(10_000);
        }
    }

    @Test
    void trialsStillRunningWhenAProcessIsTerminatedAreEndedAsInterrupted() throws Exception {
        Path dir = tmp.resolve("term");
        Process writer = JavaProcess.start(RunningTrialMain.class, dir.toString());
        try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("started"));
            assertThat(line).isEqualTo("started");
            writer.destroy();
            assertThat(writer.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }
        try (JdbcTrialStorage reopened = new JdbcTrialStorage(Database.open(DatabaseSettings.embedded(dir)), true,
                new LocalArtifactRepository(dir.resolve("artifacts")), StorageOptions.defaults())) {
            long study = reopened.findStudy("interrupted").orElseThrow().id();
            assertThat(reopened.trials(study, EnumSet.of(TrialState.RUNNING))).isEmpty();
            assertThat(reopened.trialByNumber(study, 0).state()).isEqualTo(TrialState.COMPLETE);
            assertThat(List.of(reopened.trialByNumber(study, 1), reopened.trialByNumber(study, 2))).allSatisfy(t -> {
                assertThat(t.state()).isEqualTo(TrialState.FAIL);
                assertThat(t.message()).startsWith(JdbcTrialStorage.INTERRUPTED); // "; not retried (max_retries 0)"
            });
        }
    }
}
