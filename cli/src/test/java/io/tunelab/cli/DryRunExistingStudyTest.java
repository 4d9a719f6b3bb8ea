package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.wiring.TribuoTrainers;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.trainers.device.FixedDeviceInventory;
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
    void aDryRunOfANewStudyCreatesNothingInTheStorage(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of(wiring, "run", "--dry-run", CartStudyFile.named("fresh").writeTo(dir).toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(storage.findStudy("fresh")).isEmpty();
    }
}
