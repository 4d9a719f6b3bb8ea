package io.tunelab.trainers.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.trainers.data.DatasetFingerprint;
import org.junit.jupiter.api.Test;

class TableFingerprintTest {

    private static Table table(String name, String column, double cell, String category) {
        return Table.builder(name)
                .numeric(column, new double[] {1, cell})
                .categorical("c", new String[] {"a", category})
                .classTarget("y", new String[] {"p", "q"})
                .build();
    }

    @Test
    void isAStableSha256OfTheContentWithTheTableSize() {
        DatasetFingerprint fp = table("t", "x", 2, "b").fingerprint();

        assertThat(fp.toString()).matches("sha256:[0-9a-f]{64}");
        assertThat(table("t", "x", 2, "b").fingerprint()).isEqualTo(fp);
        assertThat(fp.examples()).isEqualTo(2);
        assertThat(fp.exampleShape()).containsExactly(2);
        assertThat(fp.numClasses()).isEqualTo(2);
    }

    @Test
    void keepsTheDigestsRecordedBeforeTabularAndDenseFingerprintsBecameOneType() {
        Table classes = table("t", "x", 2, null);
        Table regression = Table.builder("r").numeric("x", new double[] {1, 2, Double.NaN})
                .regressionTarget("y", new double[] {0.5, 1, 2}).build();

        assertThat(classes.fingerprint()).hasToString("sha256:00113dd716b612a3349c69096c4b1a3d71ce00f6b4878ff4c630462bf65c8608");
        assertThat(regression.fingerprint().sha256()).isEqualTo("99a41cd086dbe4564037bcb2c5ff528b6565d5680dbf579043bed83e6bcb61b3");
        assertThat(regression.fingerprint().numClasses()).isZero();
    }

    @Test
    void ignoresTheTableName() {
        assertThat(table("renamed.csv", "x", 2, "b").fingerprint()).isEqualTo(table("t", "x", 2, "b").fingerprint());
    }

    @Test
    void changesWithAnyCellColumnNameOrRowOrder() {
        Table base = table("t", "x", 2, "b");
        String fp = base.fingerprint().sha256();

        assertThat(table("t", "x", 2.0000001, "b").fingerprint().sha256()).isNotEqualTo(fp);
        assertThat(table("t", "x", 2, null).fingerprint().sha256()).isNotEqualTo(fp);
        assertThat(table("t", "w", 2, "b").fingerprint().sha256()).isNotEqualTo(fp);
        assertThat(base.select(new int[] {1, 0}).fingerprint().sha256()).isNotEqualTo(fp);
    }
}
