package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.wiring.TribuoTrainers;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.trainers.device.FixedDeviceInventory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --dry-run} refuses what {@code run} would refuse of a study already in the storage, and creates none. */
@Timeout(120)
class DryRunExistingStudyTest {
    private final InMemoryStorage storage = new InMemoryStorage();
    private final io.tunelab.cli.wiring.Wiring wiring = CliRun.wiring(FixedDeviceInventory.cpuOnly(2), storage,
            new TribuoTrainers());

    @Test
    void aChangedMetricOfAnExistingStudyFailsTheDryRunAsTheRunWould(@TempDir Path dir) throws Exception {
        Path file = CartStudyFile.named("qa").trials(1).writeTo(dir);
        assertThat(CliRun.of(wiring, "run", file.toString()).code()).isZero();
        Files.writeString(file, Files.readString(file).replace("metric: accuracy", "metric: macro_f1"));

        CliRun metric = CliRun.of(wiring, "run", "--dry-run", file.toString());

        assertThat(metric.code()).as(metric.out()).isEqualTo(2);
        assertThat(metric.err()).contains("study 'qa' was created with metric accuracy, not macro_f1;");
        assertThat(CliRun.of(wiring, "run", file.toString()).err()).as("the run refuses the same")
                .contains("study 'qa' was created with metric accuracy, not macro_f1;");
    }

    @Test
    void aChangedRangeOfAnExistingStudyIsNoticedByTheDryRunAsByTheRun(@TempDir Path dir) throws Exception {
        Path file = CartStudyFile.named("qa").trials(1).writeTo(dir);
        assertThat(CliRun.of(wiring, "run", file.toString()).code()).isZero();
        Files.writeString(file, Files.readString(file).replace("max_depth: {int: [1, 6]}", "max_depth: {int: [1, 8]}")
                .replace("trials: 1", "trials: 2"));
        String notice = "Study 'qa' resumes with a changed search space: max_depth int[1, 8], was int[1, 6]"
                + " (in 1 earlier trial). Earlier trials keep their values.";

        CliRun dryRun = CliRun.of(wiring, "run", "--dry-run", file.toString());

        assertThat(dryRun.code()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains(notice);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        CliRun run;
        try {
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            run = CliRun.of(wiring, "run", file.toString());
        } finally {
            System.setErr(stderr);
        }
        assertThat(run.out()).as("the run says the same").contains(notice);
        assertThat(log.toString(StandardCharsets.UTF_8)).as("once: the study logs no warning of its own")
                .doesNotContain("changed search space");
        assertThat(CliRun.of(wiring, "run", "--dry-run", file.toString()).out()).as("once the file is stored")
                .doesNotContain("changed search space");
    }

    @Test
    void aDryRunOfANewStudyCreatesNothingInTheStorage(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of(wiring, "run", "--dry-run", CartStudyFile.named("fresh").writeTo(dir).toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("changed search space");
        assertThat(storage.findStudy("fresh")).isEmpty();
    }
}
