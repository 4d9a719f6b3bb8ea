package io.tunelab.trainers.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.trainers.testing.FashionMnistFixture;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The installed Fashion-MNIST, split as in the book. */
class FashionMnistIT {
    private final DatasetSplits splits = FashionMnistFixture.splits();

    @Test
    void splitsAre55000TrainFirst5000ValidAnd10000Test() {
        assertThat(splits.train().size()).isEqualTo(55_000);
        assertThat(splits.valid().size()).isEqualTo(5_000);
        assertThat(splits.test().size()).isEqualTo(10_000);
        assertThat(splits.train().exampleShape()).containsExactly(28, 28);
        assertThat(splits.train().numClasses()).isEqualTo(10);
        assertThat(FashionMnist.CLASS_NAMES).hasSize(10);
    }

    @Test
    void pixelsAreInTheUnitIntervalWithManyAboveOneHalf() {
        float[] x = splits.valid().features();
        double max = 0;
        long bright = 0;
        for (float v : x) {
            assertThat(v).isBetween(0f, 1f);
            max = Math.max(max, v);
            bright += v > 0.5f ? 1 : 0;
        }
        assertThat(max).isEqualTo(1.0);
        assertThat(bright).as("pixels above 127 read as unsigned").isGreaterThan(x.length / 10);
    }

    @Test
    void everyClassHasAThousandTestImages() {
        int[] counts = new int[10];
        Arrays.stream(splits.test().labels()).forEach(l -> counts[l]++);
        assertThat(counts).containsOnly(1000);
    }

    @Test
    void theTrainingSplitHasAStableFingerprint() {
        DatasetFingerprint f = DatasetFingerprint.of(splits.valid());
        assertThat(f.examples()).isEqualTo(5000);
        assertThat(f).isEqualTo(DatasetFingerprint.of(FashionMnistFixture.splits().valid()));
    }
}
