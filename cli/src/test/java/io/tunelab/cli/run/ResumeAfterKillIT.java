package io.tunelab.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.DefaultWiring;
import io.tunelab.cli.TunelabProcess;
import io.tunelab.cli.wiring.TestCsv;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.durability.StartedProcesses;
import io.tunelab.trainers.djl.train.ResumeCheckpoints;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test for resumable trials: {@code tunelab run} of a 10-epoch DJL trial with
 * {@code checkpoint_every: 5} is killed with {@code kill -9} during epoch 6; running it again fails the
 * dead trial as stale, retries it (or, when it was stopped as by Ctrl-C, the next run retries the
 * interrupted trial), and the retry continues after epoch 5 (its log line and its
 * {@code resumed_from_epoch} attribute say so) and ends with the validation accuracy, to the last digit,
 * of the same trial run without interruption in another storage. The resumed trial's metric series has
 * every epoch once. Deterministic CPU training: fixed seeds, dropout and batch norm.
 */
@Timeout(value = 25, unit = TimeUnit.MINUTES)
class ResumeAfterKillIT {
    private static final String CHECKPOINT_LINE = "resumable checkpoint saved after epoch 5";

    @TempDir
    Path dir;
    @RegisterExtension
    final StartedProcesses<Process> processes = StartedProcesses.killed();

    private Path studyFile(Path data) throws Exception {
        Path file = dir.resolve("study.yaml");
        Files.writeString(file, """
                study: resume
                direction: maximize
                metric: val_accuracy
                sampler: {type: random, seed: 5}
                budget: {trials: 1}
                trainer: djl-mlp
                data: {dataset: csv, path: %s, target: y, task: classification, valid_split: 0.2, test_split: 0.1}
                space:
                  learning_rate: {reciprocal: [0.002, 0.005]}
                  n_hidden: {choice: [2]}
                  n_neurons: {choice: [64]}
                  dropout: {choice: [0.2]}
                  batch_norm: {choice: [true]}
                  optimizer: {choice: [adam]}
                fit: {epochs: 10, batch_size: 16, checkpoint_every: 5}
                heartbeat: {interval: 1s, grace: 3s}
                """.formatted(data));
        return file;
    }

    private Process run(Path study, Path storage) throws Exception {
        Process p = TunelabProcess.builder(List.of("-Xmx512m",
                "-Dorg.slf4j.simpleLogger.log.io.tunelab.trainers.djl.train.ResumeCheckpoints=debug"),
                "run", study.toString(), "--storage", storage.toString()).start();
        return processes.add(p);
    }

    /** Reads the process's output until a line contains {@code marker} (then returns it) or the output ends. */
    private static String readUntil(Process p, String marker, StringBuilder log) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            log.append(line).append('\n');
            if (marker != null && line.contains(marker)) {
                return line;
            }
        }
        return null;
    }

    private static String runToEnd(Process p, StringBuilder log) throws Exception {
        readUntil(p, null, log);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(log.toString()).isZero();
        return log.toString();
    }

    private static List<FrozenTrial> trials(Path storage) {
        try (TrialStorage s = new DefaultWiring().openStorage(storage.toString())) {
            return s.trials(s.findStudy("resume").orElseThrow().id(), EnumSet.allOf(TrialState.class));
        }
    }

    private static List<MetricPoint> series(Path storage, FrozenTrial t, String name) {
        try (TrialStorage s = new DefaultWiring().openStorage(storage.toString())) {
            return s.metrics(t.id(), name);
        }
    }

    /** Runs the study uninterrupted into its own storage; returns its trial. */
    private FrozenTrial uninterrupted(Path study) throws Exception {
        Path reference = dir.resolve("reference");
        runToEnd(run(study, reference), new StringBuilder());
        FrozenTrial trial = trials(reference).get(0);
        assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
        return trial;
    }

    /** Starts a run into {@code storage} and returns it once it has saved its checkpoint after epoch 5. */
    private Process runUntilTheCheckpoint(Path study, Path storage) throws Exception {
        Process p = run(study, storage);
        StringBuilder log = new StringBuilder();
        assertThat(readUntil(p, CHECKPOINT_LINE, log)).as(log.toString()).isNotNull();
        return p;
    }

    /**
     * Runs the study again into {@code resumed}, whose trial 0 was stopped after its checkpoint of epoch 5: trial 1
     * retries it, continues after epoch 5, and ends with {@code reference}'s series and value; returns the run's log.
     */
    private String runAgainAndCompare(Path study, Path resumed, FrozenTrial reference) throws Exception {
        String log = runToEnd(run(study, resumed), new StringBuilder());
        List<FrozenTrial> after = trials(resumed);
        assertThat(after).hasSize(2);
        assertThat(after.get(0).state()).isEqualTo(TrialState.FAIL);
        FrozenTrial retry = after.get(1);
        assertThat(retry.state()).as(retry.message()).isEqualTo(TrialState.COMPLETE);
        assertThat(retry.systemAttrs()).containsEntry("retry_of", 0);
        assertThat(retry.userAttrs()).containsEntry(ResumeCheckpoints.RESUMED_FROM_EPOCH, 5)
                .containsEntry(ResumeCheckpoints.RESUMED_FROM_TRIAL, 0);
        assertThat(log).contains("trial 1: resuming after epoch 5 from the checkpoint of trial 0");

        Path referenceStorage = dir.resolve("reference");
        List<MetricPoint> accuracy = series(resumed, retry, "val_accuracy");
        assertThat(accuracy).extracting(MetricPoint::step).containsExactlyElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
        assertThat(accuracy).extracting(MetricPoint::value).containsExactlyElementsOf(
                series(referenceStorage, reference, "val_accuracy").stream().map(MetricPoint::value).toList());
        assertThat(retry.value()).isEqualTo(reference.value());
        assertThat(series(resumed, retry, "loss")).extracting(MetricPoint::value).containsExactlyElementsOf(
                series(referenceStorage, reference, "loss").stream().map(MetricPoint::value).toList());
        return log;
    }

    @Test
    void aTrialKilledInEpochSixResumesAfterEpochFiveAndEndsWithTheUninterruptedAccuracy() throws Exception {
        Path study = studyFile(TestCsv.noisyClasses(dir, 1500));
        FrozenTrial reference = uninterrupted(study);

        Path resumed = dir.resolve("resumed");
        Process victim = runUntilTheCheckpoint(study, resumed);
        victim.destroyForcibly(); // SIGKILL, while epoch 6 trains
        assertThat(victim.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(victim.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        FrozenTrial dead = trials(resumed).get(0);
        assertThat(dead.state()).isEqualTo(TrialState.RUNNING);
        assertThat(series(resumed, dead, "val_accuracy")).extracting(MetricPoint::step).allMatch(step -> step <= 5);

        runAgainAndCompare(study, resumed, reference);
        assertThat(trials(resumed).get(0).message()).startsWith("stale");
    }

    @Test
    void aTrialStoppedAsByCtrlCIsRetriedByTheNextRunAndEndsWithTheUninterruptedAccuracy() throws Exception {
        Path study = studyFile(TestCsv.noisyClasses(dir, 1500));
        FrozenTrial reference = uninterrupted(study);

        Path resumed = dir.resolve("resumed");
        Process stopped = runUntilTheCheckpoint(study, resumed);
        stopped.toHandle().destroy(); // SIGTERM (the handle keeps the output open): the hooks run, as on Ctrl-C's SIGINT
        StringBuilder said = new StringBuilder();
        readUntil(stopped, null, said);
        assertThat(stopped.waitFor(1, TimeUnit.MINUTES)).isTrue();
        // the run's hook and the storage's own exit hook race: either way the line says the retry in the same words,
        // never that trial 0 is not retried
        assertThat(said.toString()).as("what the stopped run says").contains("Stopped: trial(s) [0] recorded as FAIL, interrupted.")
                .contains("Within the study's max_retries, retries of [0] with the same parameters are enqueued")
                .doesNotContain("not retried").contains("To resume, run it again (tunelab run ");
        FrozenTrial interrupted = trials(resumed).get(0);
        assertThat(interrupted.state()).isEqualTo(TrialState.FAIL);
        assertThat(interrupted.message()).startsWith("interrupted");
        assertThat(interrupted.systemAttrs()).containsEntry("superseded", true).containsEntry("retried_by", 1);

        String log = runAgainAndCompare(study, resumed, reference);
        assertThat(log).contains("Re-running 1 interrupted trial(s): [0].");
    }
}
