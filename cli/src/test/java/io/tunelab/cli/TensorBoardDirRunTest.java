package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.wiring.ForwardingTrainerFactory;
import io.tunelab.cli.wiring.TribuoTrainers;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.Objective;
import io.tunelab.spec.StudySpec;
import io.tunelab.trainers.device.FixedDeviceInventory;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
