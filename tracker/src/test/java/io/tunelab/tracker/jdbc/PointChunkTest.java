package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A chunk gives back exactly the points put in, in order, from any start index. */
class PointChunkTest {
    private record Point(long step, double value, long wall) {
    }

    private static List<Point> decode(byte[] bytes, int from) {
        List<Point> out = new ArrayList<>();
        PointChunk.decode(bytes, from, (step, value, wall) -> out.add(new Point(step, value, wall)));
        return out;
    }

    @Test
    void everyValueIncludingNanInfinitiesAndNegativeZeroComesBackBitForBit() {
        double[] values = {0.25, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE};
        PointChunk chunk = PointChunk.withCapacity(values.length);
        for (int i = 0; i < values.length; i++) {
            chunk.add(-3 + i, values[i], 1_000_000_000L * i);
        }
        List<Point> back = decode(chunk.bytes(), 0);
        assertThat(back).hasSize(values.length);
        for (int i = 0; i < values.length; i++) {
            assertThat(back.get(i).step()).isEqualTo(-3 + i);
            assertThat(Double.doubleToRawLongBits(back.get(i).value())).isEqualTo(Double.doubleToRawLongBits(values[i]));
            assertThat(back.get(i).wall()).isEqualTo(1_000_000_000L * i);
        }
        assertThat(PointChunk.count(chunk.bytes())).isEqualTo(values.length);
    }

    @Test
    void decodingFromAnIndexSkipsThePointsBeforeIt() {
        PointChunk chunk = PointChunk.withCapacity(4);
        for (int i = 0; i < 4; i++) {
            chunk.add(i, i * 10.0, 0);
        }
        assertThat(decode(chunk.bytes(), 2)).extracting(Point::step).containsExactly(2L, 3L);
        assertThat(decode(chunk.bytes(), 4)).isEmpty();
    }

    @Test
    void aChunkRefusesSizesOutsideItsBoundsAndPayloadsOfTheWrongLength() {
        assertThatThrownBy(() -> PointChunk.withCapacity(0)).hasMessageContaining("got 0");
        assertThatThrownBy(() -> PointChunk.withCapacity(PointChunk.MAX_POINTS + 1)).hasMessageContaining("4096");
        assertThatThrownBy(() -> PointChunk.withCapacity(2).bytes()).hasMessageContaining("2 points missing");
        assertThatThrownBy(() -> PointChunk.count(new byte[25])).hasMessageContaining("25 bytes");
    }
}
