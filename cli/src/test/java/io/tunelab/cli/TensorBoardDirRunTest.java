package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.wiring.ForwardingTrainerFactory;
import io.tunelab.cli.wiring.TribuoTrainers;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.Objective;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.spec.StudySpec;
import io.tunelab.tensorboard.imports.LogdirImporter;
import io.tunelab.tensorboard.imports.RunValue;
import io.tunelab.trainers.device.FixedDeviceInventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code fit.tensorboard_dir} makes {@code tunelab run} write each trial's scalars as TensorBoard event files. */
@Timeout(180)
class TensorBoardDirRunTest {
    /** Tribuo's CART, with a per-step {@code loss} logged before it trains, as a training loop would. */
    private static final class LoggingTrainers extends ForwardingTrainerFactory {
        LoggingTrainers() {
            super(new TribuoTrainers());
        }

        @Override
        public Objective create(StudySpec spec) {
            Objective cart = delegate.create(spec);
            return trial -> {
                for (int step = 1; step <= 3; step++) {
                    trial.log("loss", step, 1.0 / step);
                }
                return cart.evaluate(trial);
            };
        }
    }

    @Test
    void aRunWritesOneEventFileDirectoryPerTrialInTheStudysFolder(@TempDir Path dir) throws Exception {
        Path logdir = dir.resolve("tb");
        Path file = CartStudyFile.named("tb").with("fit: {tensorboard_dir: '" + logdir + "'}\n").writeTo(dir);

        CliRun r = CliRun.of(CliRun.wiring(FixedDeviceInventory.cpuOnly(2), new InMemoryStorage(), new LoggingTrainers()),
                "run", file.toString());

        assertThat(r.code()).as(r.err()).isZero();
        for (String run : new String[] {"trial-0000", "trial-0001", "trial-0002"}) {
            try (Stream<Path> files = Files.list(logdir.resolve("tb").resolve(run))) {
                assertThat(files.map(p -> p.getFileName().toString())).as(run)
                        .anyMatch(name -> name.startsWith("events.out.tfevents."));
            }
        }
    }

    @Test
    void aMultiObjectiveStudysLogdirHoldsEveryObjectiveWithItsDirectionAndImportsBackAsTheStudy(@TempDir Path dir)
            throws Exception {
        Path logdir = dir.resolve("tb");
        Path file = CartStudyFile.named("mo-tb").accuracyAgainstSpread().trials(2).parallel("{workers: 1, devices: cpu}")
                .with("fit: {tensorboard_dir: '" + logdir + "'}\n").writeTo(dir);
        InMemoryStorage storage = new InMemoryStorage();

        CliRun r = CliRun.of(CliRun.wiring(FixedDeviceInventory.cpuOnly(1), storage, new TribuoTrainers()),
                "run", file.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<Optional<Direction>> said = new ArrayList<>();
        new LogdirImporter(storage, null, RunValue.LAST, (metric, existing, logdirSays) -> {
            said.add(logdirSays);
            return logdirSays.orElseThrow();
        }).importLogdir(logdir.resolve("mo-tb"), "imported");

        assertThat(said).containsExactly(Optional.of(Direction.MAXIMIZE), Optional.of(Direction.MINIMIZE));
        assertThat(storage.findStudy("imported").orElseThrow().directions())
                .containsExactly(Direction.MAXIMIZE, Direction.MINIMIZE);
        List<FrozenTrial> original = trials(storage, "mo-tb");
        List<FrozenTrial> copies = trials(storage, "imported");
        assertThat(copies).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(copies.get(i).values()).containsExactlyElementsOf(
                    original.get(i).values().stream().map(v -> Double.parseDouble(Float.toString(v.floatValue()))).toList());
        }
    }

    private static List<FrozenTrial> trials(InMemoryStorage storage, String study) {
        return storage.trials(storage.findStudy(study).orElseThrow().id(), EnumSet.allOf(TrialState.class));
    }

    @Test
    void aTensorBoardDirUnderAFileFailsTheDryRunAtTheFieldAndCreatesNothing(@TempDir Path dir) throws Exception {
        Path afile = Files.writeString(dir.resolve("afile"), "not a directory");
        Path file = CartStudyFile.named("badtb").with("fit: {tensorboard_dir: '" + afile + "'}\n").writeTo(dir);

        CliRun r = CliRun.of(CliRun.wiring(FixedDeviceInventory.cpuOnly(2), new InMemoryStorage(), new LoggingTrainers()),
                "run", "--dry-run", file.toString());

        assertThat(r.code()).as(r.out()).isEqualTo(2);
        assertThat(r.err()).contains("fit.tensorboard_dir: '" + afile + "': " + afile + " is a file, not a directory;"
                + " expected a directory the trials can write TensorBoard event files in (created when missing)");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("afile", "badtb.yaml");
        }
    }

    @Test
    void aTensorBoardDirWhereNothingCanBeCreatedFailsTheDryRun(@TempDir Path dir) throws Exception {
        Path file = CartStudyFile.named("proctb").with("fit: {tensorboard_dir: /proc/nope}\n").writeTo(dir);

        CliRun r = CliRun.of(CliRun.wiring(FixedDeviceInventory.cpuOnly(2), new InMemoryStorage(), new LoggingTrainers()),
                "run", "--dry-run", file.toString());

        assertThat(r.code()).as(r.out()).isEqualTo(2);
        assertThat(r.err()).contains("fit.tensorboard_dir: '/proc/nope': cannot create a directory in /proc (");
    }
}
