package io.tunelab.trainers.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.trainers.TrainersException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyntheticTest {

    @Test
    void classificationIsDeterministicForASeed() {
        Table a = Synthetic.classification(120, 4, 2, 3, 1.5, 9);

        assertThat(Synthetic.classification(120, 4, 2, 3, 1.5, 9).fingerprint()).isEqualTo(a.fingerprint());
        assertThat(Synthetic.classification(120, 4, 2, 3, 1.5, 10).fingerprint()).isNotEqualTo(a.fingerprint());
    }

    @Test
    void classificationHasBalancedClassesAndTheDocumentedColumns() {
        Table t = Synthetic.classification(120, 4, 2, 3, 1.5, 9);

        assertThat(t.columnNames()).containsExactly("x0", "x1", "x2", "x3", "x4", "x5", "group");
        assertThat(t.classes()).containsExactly("c0", "c1", "c2");
        int[] counts = new int[3];
        Arrays.stream(t.labels()).forEach(l -> counts[l]++);
        assertThat(counts).containsOnly(40);
    }

    @Test
    void classClustersSitAtDistinctVerticesSoTheirMeansDiffer() {
        Table t = Synthetic.classification(3000, 2, 0, 4, 2.0, 1);
        double[][] sums = new double[4][2];
        int[] labels = t.labels();
        for (int r = 0; r < t.rowCount(); r++) {
            sums[labels[r]][0] += t.number(0, r);
            sums[labels[r]][1] += t.number(1, r) / 10;
        }
        for (double[] s : sums) {
            assertThat(Math.abs(s[0] / 750)).isCloseTo(2.0, within(0.15));
            assertThat(Math.abs(s[1] / 750)).isCloseTo(2.0, within(0.15));
        }
        assertThat(Arrays.stream(sums).map(s -> Math.signum(s[0]) + "," + Math.signum(s[1])).distinct()).hasSize(4);
    }

    @Test
    void tooManyClassesForTheVerticesAreRejected() {
        assertThatThrownBy(() -> Synthetic.classification(10, 1, 0, 3, 1, 0))
                .isInstanceOf(TrainersException.class)
                .hasMessageContaining("3 classes")
                .hasMessageContaining("only 2");
    }

    @Test
    void regressionFollowsFriedmansFormulaWithoutNoise() {
        Table t = Synthetic.regression(50, 2, 0, 4);

        assertThat(t.columnNames()).hasSize(7);
        for (int r = 0; r < t.rowCount(); r++) {
            double expected = 10 * Math.sin(Math.PI * t.number(0, r) * t.number(1, r))
                    + 20 * Math.pow(t.number(2, r) - 0.5, 2) + 10 * t.number(3, r) + 5 * t.number(4, r);
            assertThat(t.target(r)).isCloseTo(expected, within(1e-12));
        }
    }
}
