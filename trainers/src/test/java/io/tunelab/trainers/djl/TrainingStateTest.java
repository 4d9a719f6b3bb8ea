package io.tunelab.trainers.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.trainers.TrainersException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingStateTest {
    @TempDir
    Path dir;

    private static TrainingState sample() {
        TrainingState s = new TrainingState();
        s.putDoubles("loop/epoch", 5);
        s.putDoubles("schedule", 0.01, Double.NaN, 2);
        s.putFloats("weights/0", new long[] {2, 3}, new float[] {1, -2, 3.5f, Float.MIN_VALUE, 0, -0f});
        s.putBytes("best/params", new byte[] {1, 2, 3});
        s.putLongs("loop/seed", -7225757598625280723L, Long.MAX_VALUE);
        return s;
    }

    @Test
    void everyEntryComesBackBitForBitInItsOrder() throws Exception {
        Path file = dir.resolve("state.ckpt");
        sample().write(file);

        TrainingState read = TrainingState.read(file);

        assertThat(read.number("loop/epoch")).isEqualTo(5);
        assertThat(read.doubles("schedule")).containsExactly(0.01, Double.NaN, 2);
        assertThat(read.floats("weights/0")).containsExactly(1, -2, 3.5f, Float.MIN_VALUE, 0, -0f);
        assertThat(read.shape("weights/0")).containsExactly(2, 3);
        assertThat(read.bytes("best/params")).containsExactly(1, 2, 3);
        assertThat(read.longs("loop/seed")).as("a seed a double would round").containsExactly(-7225757598625280723L,
                Long.MAX_VALUE);
        assertThat(read.names("")).containsExactly("loop/epoch", "schedule", "weights/0", "best/params", "loop/seed");
        assertThat(read.names("weights/")).containsExactly("weights/0");
    }

    @Test
    void aDamagedOrTruncatedFileIsRefusedWithItsName() throws Exception {
        Path file = dir.resolve("state.ckpt");
        sample().write(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[20] ^= 1;
        Files.write(file, bytes);
        assertThatThrownBy(() -> TrainingState.read(file)).isInstanceOf(TrainersException.class)
                .hasMessageContaining("state.ckpt").hasMessageContaining("checksum");

        Files.write(file, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> TrainingState.read(file)).isInstanceOf(TrainersException.class).hasMessageContaining("truncated");
    }

    @Test
    void aMissingEntryOrOneOfAnotherKindIsNamed() {
        TrainingState s = sample();
        assertThatThrownBy(() -> s.doubles("loop/updates")).isInstanceOf(TrainersException.class)
                .hasMessageContaining("'loop/updates'");
        assertThatThrownBy(() -> s.floats("loop/epoch")).hasMessageContaining("another kind");
        assertThatThrownBy(() -> s.longs("loop/epoch")).hasMessageContaining("another kind");
    }
}
