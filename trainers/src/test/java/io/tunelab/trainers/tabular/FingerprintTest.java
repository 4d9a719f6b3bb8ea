package io.tunelab.trainers.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintTest {

    private static Table table(String name, String column, double cell, String category) {
        return Table.builder(name)
                .numeric(column, new double[] {1, cell})
                .categorical("c", new String[] {"a", category})
                .classTarget("y", new String[] {"p", "q"})
                .build();
    }

    @Test
    void isAStableSha256OfTheContent() {
        String fp = Fingerprint.of(table("t", "x", 2, "b"));

        assertThat(fp).matches("sha256:[0-9a-f]{64}");
        assertThat(Fingerprint.of(table("t", "x", 2, "b"))).isEqualTo(fp);
    }

    @Test
    void ignoresTheTableName() {
        assertThat(Fingerprint.of(table("renamed.csv", "x", 2, "b"))).isEqualTo(Fingerprint.of(table("t", "x", 2, "b")));
    }

    @Test
    void changesWithAnyCellColumnNameOrRowOrder() {
        Table base = table("t", "x", 2, "b");
        String fp = Fingerprint.of(base);

        assertThat(Fingerprint.of(table("t", "x", 2.0000001, "b"))).isNotEqualTo(fp);
        assertThat(Fingerprint.of(table("t", "x", 2, null))).isNotEqualTo(fp);
        assertThat(Fingerprint.of(table("t", "w", 2, "b"))).isNotEqualTo(fp);
        assertThat(Fingerprint.of(base.select(new int[] {1, 0}))).isNotEqualTo(fp);
    }
}
