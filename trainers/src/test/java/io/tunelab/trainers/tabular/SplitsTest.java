package io.tunelab.trainers.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.trainers.TrainersException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitsTest {

    @Test
    void kFoldTestPartsCoverEveryRowExactlyOnce() {
        List<Split> folds = Splits.kFold(23, 4, 1);

        int[] seen = new int[23];
        for (Split s : folds) {
            for (int row : s.test()) {
                seen[row]++;
            }
            assertThat(s.train().length + s.test().length).isEqualTo(23);
            assertThat(s.train()).doesNotContain(s.test());
            assertThat(s.train()).isSorted();
            assertThat(s.test()).isSorted();
        }
        assertThat(seen).containsOnly(1);
        assertThat(folds).extracting(s -> s.test().length).containsExactlyInAnyOrder(6, 6, 6, 5);
    }

    @Test
    void theSameSeedGivesTheSameFoldsAndAnotherSeedOthers() {
        assertThat(Splits.kFold(50, 3, 7)).isEqualTo(Splits.kFold(50, 3, 7));
        assertThat(Splits.kFold(50, 3, 7)).isNotEqualTo(Splits.kFold(50, 3, 8));
    }

    @Test
    void stratifiedFoldsKeepEachClassShareWithinOneRow() {
        int[] labels = new int[100];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 70 ? 0 : i < 90 ? 1 : 2;
        }

        List<Split> folds = Splits.stratifiedKFold(labels, 3, 5);

        for (Split s : folds) {
            int[] counts = new int[3];
            Arrays.stream(s.test()).forEach(r -> counts[labels[r]]++);
            assertThat(counts[0]).isBetween(23, 24);
            assertThat(counts[1]).isBetween(6, 7);
            assertThat(counts[2]).isBetween(3, 4);
        }
        assertThat(folds).extracting(s -> s.test().length).allSatisfy(n -> assertThat(n).isBetween(33, 34));
    }

    @Test
    void stratifiedHoldOutKeepsClassProportions() {
        int[] labels = IntStream.range(0, 200).map(i -> i % 10 == 0 ? 1 : 0).toArray();

        Split split = Splits.holdOut(labels, 0.25, 3);

        assertThat(split.test()).hasSize(50);
        long minority = Arrays.stream(split.test()).filter(r -> labels[r] == 1).count();
        assertThat(minority).isBetween(4L, 6L);
    }

    @Test
    void holdOutOfATableStratifiesClassificationOnly() {
        Table cls = Synthetic.classification(90, 3, 1);
        Split split = Splits.holdOut(cls, 1.0 / 3, 2);
        int[] labels = cls.labels();
        int[] counts = new int[3];
        Arrays.stream(split.test()).forEach(r -> counts[labels[r]]++);
        assertThat(counts).containsExactly(10, 10, 10);

        Table reg = Synthetic.regression(30, 0, 0, 1);
        assertThat(Splits.holdOut(reg, 0.2, 2)).isEqualTo(Splits.holdOut(30, 0.2, 2));
    }

    @Test
    void impossibleSplitsAreRejectedWithTheirNumbers() {
        assertThatThrownBy(() -> Splits.kFold(3, 4, 0))
                .isInstanceOf(TrainersException.class).hasMessageContaining("k=4 for 3 rows");
        assertThatThrownBy(() -> Splits.kFold(10, 1, 0))
                .isInstanceOf(TrainersException.class).hasMessageContaining("k=1");
        assertThatThrownBy(() -> Splits.holdOut(10, 1.5, 0))
                .isInstanceOf(TrainersException.class).hasMessageContaining("1.5");
        assertThatThrownBy(() -> Splits.holdOut(1, 0.5, 0))
                .isInstanceOf(TrainersException.class).hasMessageContaining("leaves no training rows");
    }
}
