package io.tunelab.trainers.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.trainers.TrainersException;
import org.junit.jupiter.api.Test;

class DenseDatasetTest {

    @Test
    void concatPutsTheOtherExamplesAfterTheseWithTheirLabels() {
        DenseDataset a = new DenseDataset(new float[] {1, 2, 3, 4}, new int[] {2}, new int[] {0, 1}, 3);
        DenseDataset b = new DenseDataset(new float[] {5, 6}, new int[] {2}, new int[] {2}, 3);

        DenseDataset joined = a.concat(b);

        assertThat(joined.size()).isEqualTo(3);
        assertThat(joined.features()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(joined.labels()).containsExactly(0, 1, 2);
        assertThat(joined.slice(2, 3).features()).containsExactly(5, 6);
    }

    @Test
    void concatKeepsARegressionsTargets() {
        DenseDataset a = DenseDataset.regression(new float[] {1, 2}, new int[] {1}, new float[] {10, 20}, 1);
        DenseDataset b = DenseDataset.regression(new float[] {3}, new int[] {1}, new float[] {30}, 1);

        assertThat(a.concat(b).targets()).containsExactly(10, 20, 30);
        assertThat(a.concat(b).isRegression()).isTrue();
    }

    @Test
    void examplesOfAnotherShapeOrTaskAreNotJoined() {
        DenseDataset pairs = new DenseDataset(new float[] {1, 2}, new int[] {2}, new int[] {0}, 2);
        DenseDataset singles = new DenseDataset(new float[] {1, 2}, new int[] {1}, new int[] {0, 1}, 2);
        DenseDataset values = DenseDataset.regression(new float[] {1, 2}, new int[] {2}, new float[] {0}, 1);

        assertThatThrownBy(() -> pairs.concat(singles)).isInstanceOf(TrainersException.class).hasMessageContaining("shape");
        assertThatThrownBy(() -> pairs.concat(values)).isInstanceOf(TrainersException.class);
    }
}
