package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.wiring.ForwardingTrainerFactory;
import io.tunelab.cli.wiring.TribuoTrainers;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.study.FailFast;
import io.tunelab.search.study.Objective;
import io.tunelab.search.trial.TrialState;
import io.tunelab.spec.StudySpec;
import io.tunelab.trainers.device.FixedDeviceInventory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study whose first trials all fail the same way stops, and {@code tunelab run} exits 1 saying why once; with
 * several {@code tunelab worker}s, the study's first trials of every worker are judged together and every worker stops.
 */
@Timeout(120)
class FailFastRunTest {
    /** A trainer whose every trial fails with the same error, as one misconfigured for the machine would. */
    private static final class BrokenTrainers extends ForwardingTrainerFactory {
        BrokenTrainers() {
            super(new TribuoTrainers());
        }

        @Override
        public Objective create(StudySpec spec) {
            return trial -> {
                throw new IllegalStateException("cannot open /data/missing.csv");
            };
        }
    }

    private static Path studyFile(Path dir, String failFast) throws Exception {
        return CartStudyFile.named("broken").trials(12).with(failFast).writeTo(dir);
    }

    @Test
    void theFirstFiveTrialsFailingAlikeStopTheRunWithExitOneAndTheErrorPrintedOnce(@TempDir Path dir) throws Exception {
        InMemoryStorage storage = new InMemoryStorage();

        PrintStream stderr = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        CliRun r;
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            r = CliRun.of(CliRun.wiring(FixedDeviceInventory.cpuOnly(2), storage, new BrokenTrainers()),
                    "run", studyFile(dir, "").toString());
        } finally {
            System.setErr(stderr);
        }

        assertThat(r.code()).isEqualTo(1);
        assertThat(warnings.toString(StandardCharsets.UTF_8).split("cannot open /data/missing.csv", -1))
                .as("the trials' shared error is logged once while running").hasSize(2);
        assertThat(r.err().split("cannot open /data/missing.csv", -1)).hasSize(2);
        assertThat(r.err()).contains("study 'broken' stopped: the first 5 trials all failed with the same error:"
                + " IllegalStateException: cannot open /data/missing.csv").contains("run again").contains("fail_fast: 0");
        StudyRecord study = storage.findStudy("broken").orElseThrow();
        int trials = storage.trials(study.id(), EnumSet.allOf(TrialState.class)).size();
        assertThat(trials).as("the five judged, plus at most the one running beside the fifth").isBetween(5, 6);
        Map<?, ?> stopped = (Map<?, ?>) study.systemAttrs().get(FailFast.ATTR);
        assertThat(stopped.get("trials")).isEqualTo(5);
        assertThat((String) stopped.get("reason")).contains("cannot open /data/missing.csv");
    }

    @Test
    void failFastZeroRunsTheWholeBudgetAndARunWithNothingCompletedExitsOneNamingTheFirstFailure(@TempDir Path dir)
            throws Exception {
        InMemoryStorage storage = new InMemoryStorage();

        CliRun r = CliRun.of(CliRun.wiring(FixedDeviceInventory.cpuOnly(2), storage, new BrokenTrainers()),
                "run", studyFile(dir, "fail_fast: 0\n").toString());

        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("tunelab run: no trial of study 'broken' completed: 12 failed; the first (trial 0): ")
                .contains("cannot open /data/missing.csv");
        assertThat(storage.trials(storage.findStudy("broken").orElseThrow().id(), EnumSet.of(TrialState.FAIL))).hasSize(12);
    }

    @Test
    void aSingleTrialThatFailsMakesTheRunExitOne(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of(CliRun.wiring(FixedDeviceInventory.cpuOnly(2), new InMemoryStorage(), new BrokenTrainers()),
                "run", CartStudyFile.named("broken").trials(1).writeTo(dir).toString());

        assertThat(r.code()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("no trial of study 'broken' completed: 1 failed; the first (trial 0): ")
                .contains("cannot open /data/missing.csv").doesNotContain("\tat ");
    }

    @Test
    void theStudysFirstFiveTrialsFailingAlikeAcrossThreeWorkersStopEveryWorkerWithExitOne(@TempDir Path dir)
            throws Exception {
        InMemoryStorage storage = new InMemoryStorage();
        Path file = CartStudyFile.named("broken").trials(30).writeTo(dir);
        assertThat(tunelabWith(storage, "create", file.toString(), "--storage", "memory:").code()).isZero();

        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<CliRun>> workers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            workers.add(pool.submit(() -> tunelabWith(storage, "worker", "--storage", "memory:", "--study", "broken",
                    "--slots", "cpu:0")));
        }
        for (Future<CliRun> w : workers) {
            CliRun r = w.get(1, TimeUnit.MINUTES);
            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
            assertThat(r.err()).contains("study 'broken' stopped: the first 5 trials all failed with the same error:"
                    + " IllegalStateException: cannot open /data/missing.csv");
        }
        pool.shutdown();

        StudyRecord study = storage.findStudy("broken").orElseThrow();
        int trials = storage.trials(study.id(), EnumSet.allOf(TrialState.class)).size();
        assertThat(trials).as("the five judged, plus at most one running in each other worker").isBetween(5, 7);
        assertThat(((Map<?, ?>) storage.study(study.id()).systemAttrs().get(FailFast.ATTR)).get("reason")).isNotNull();

        CliRun late = tunelabWith(storage, "worker", "--storage", "memory:", "--study", "broken", "--slots", "cpu:0");
        assertThat(late.code()).isEqualTo(1);
        assertThat(late.out()).contains("was stopped by its fail_fast rule");
        assertThat(storage.trials(study.id(), EnumSet.allOf(TrialState.class))).as("the late worker ran nothing").hasSize(trials);
    }

    private static CliRun tunelabWith(InMemoryStorage storage, String... args) {
        return CliRun.of(CliRun.wiring(FixedDeviceInventory.cpuOnly(2), storage, new BrokenTrainers()), args);
    }
}
