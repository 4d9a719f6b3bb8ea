package io.tunelab.trainers.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.trainers.TrainersException;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KFoldTest {
    @Test
    void foldsPartitionTheIndicesIntoNearlyEqualValidationSets() {
        List<KFold.Fold> folds = KFold.split(10, 3, new SplittableRandom(1));

        assertThat(folds).extracting(f -> f.valid().length).containsExactly(4, 3, 3);
        int[] allValid = folds.stream().flatMapToInt(f -> Arrays.stream(f.valid())).sorted().toArray();
        assertThat(allValid).containsExactly(IntStream.range(0, 10).toArray());
        for (KFold.Fold f : folds) {
            assertThat(f.train()).hasSize(10 - f.valid().length).doesNotContain(f.valid());
        }
    }

    @Test
    void theSameSeedGivesTheSameFoldsAndAnotherSeedOthers() {
        List<KFold.Fold> a = KFold.split(50, 5, new SplittableRandom(7));
        List<KFold.Fold> b = KFold.split(50, 5, new SplittableRandom(7));
        List<KFold.Fold> c = KFold.split(50, 5, new SplittableRandom(8));

        assertThat(a.get(0).valid()).isEqualTo(b.get(0).valid());
        assertThat(a.get(0).valid()).isNotEqualTo(c.get(0).valid());
    }

    @Test
    void rejectsMoreFoldsThanExamples() {
        assertThatThrownBy(() -> KFold.split(3, 4, new SplittableRandom(1))).isInstanceOf(TrainersException.class)
                .hasMessageContaining("k=4").hasMessageContaining("3 examples");
    }
}
