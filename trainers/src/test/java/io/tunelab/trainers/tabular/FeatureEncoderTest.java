package io.tunelab.trainers.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.trainers.TrainersException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureEncoderTest {

    /** Rows 0-3 are the training split; rows 4-5, the test split, lie far away. */
    private static Table table() {
        return Table.builder("t")
                .numeric("x", new double[] {1, 2, 3, 4, 1000, 2000})
                .categorical("c", new String[] {"a", "b", "a", null, "z", "b"})
                .regressionTarget("y", new double[] {0, 1, 2, 3, 4, 5})
                .build();
    }

    private static final int[] TRAIN = {0, 1, 2, 3};
    private static final int[] TEST = {4, 5};

    @Test
    void statisticsComeFromTheTrainingSplitOnly() {
        Table all = table();
        FeatureEncoder encoder = FeatureEncoder.fit(all.select(TRAIN), true);

        FeatureEncoder.ColumnCoding x = encoder.columns().get(0);
        assertThat(x.mean()).isEqualTo(2.5);
        assertThat(x.scale()).isCloseTo(Math.sqrt(1.25), within(1e-12));
        assertThat(encoder.columns().get(1).levels()).containsExactly("a", "b");
    }

    @Test
    void testRowsAreEncodedWithTrainingStatisticsSoTheirOwnDoNotLeak() {
        Table all = table();
        FeatureEncoder encoder = FeatureEncoder.fit(all.select(TRAIN), true);

        TabularDataset test = encoder.encode(all.select(TEST));

        assertThat(test.value(0, 0)).isCloseTo((1000 - 2.5) / Math.sqrt(1.25), within(1e-9));
        assertThat(test.value(1, 0)).isCloseTo((2000 - 2.5) / Math.sqrt(1.25), within(1e-9));
        FeatureEncoder fittedOnAll = FeatureEncoder.fit(all, true);
        assertThat(fittedOnAll.columns().get(0).mean()).isNotEqualTo(encoder.columns().get(0).mean());
    }

    @Test
    void trainingColumnsAreCentredAndScaled() {
        Table train = table().select(TRAIN);
        TabularDataset encoded = FeatureEncoder.fit(train, true).encode(train);

        double sum = 0;
        double squares = 0;
        for (int r = 0; r < encoded.size(); r++) {
            sum += encoded.value(r, 0);
            squares += encoded.value(r, 0) * encoded.value(r, 0);
        }
        assertThat(sum / encoded.size()).isCloseTo(0, within(1e-12));
        assertThat(squares / encoded.size()).isCloseTo(1, within(1e-12));
    }

    @Test
    void categoriesAreOneHotAnUnseenOneIsAllZeroAndAMissingOneIsTheMostFrequentTrainingLevel() {
        Table all = table();
        FeatureEncoder encoder = FeatureEncoder.fit(all.select(TRAIN), true);
        TabularDataset encoded = encoder.encode(all);

        assertThat(encoder.featureNames()).containsExactly("x", "c=a", "c=b");
        assertThat(encoder.columns().get(1).fillLevel()).isEqualTo("a");
        assertThat(encoded.row(0)).endsWith(1, 0);
        assertThat(encoded.row(1)).endsWith(0, 1);
        assertThat(encoded.row(3)).as("missing: a, twice in training").endsWith(1, 0);
        assertThat(encoded.row(4)).as("unseen").endsWith(0, 0);
    }

    @Test
    void missingNumbersBecomeTheTrainingMedianNotTheMean() {
        Table t = Table.builder("m")
                .numeric("x", new double[] {1, Double.NaN, 2, 9})
                .regressionTarget("y", new double[] {0, 0, 0, 0})
                .build();

        FeatureEncoder standardised = FeatureEncoder.fit(t, true);
        FeatureEncoder raw = FeatureEncoder.fit(t, false);

        assertThat(standardised.columns().get(0).mean()).isEqualTo(4.0);
        assertThat(standardised.columns().get(0).fillNumber()).isEqualTo(2.0);
        assertThat(raw.encode(t).value(1, 0)).isEqualTo(2.0);
        assertThat(raw.encode(t).value(0, 0)).isEqualTo(1.0);
        assertThat(standardised.encode(t).value(1, 0)).isEqualTo(standardised.encode(t).value(2, 0));
        Table even = Table.builder("e").numeric("x", new double[] {1, 2, 10, 20, Double.NaN})
                .regressionTarget("y", new double[5]).build();
        assertThat(FeatureEncoder.fit(even, false).encode(even).value(4, 0)).as("middle two averaged").isEqualTo(6.0);
    }

    @Test
    void fillValuesComeFromTheTrainingSplitOnly() {
        Table t = Table.builder("f")
                .numeric("x", new double[] {1, 2, 3, Double.NaN, 500, 600, 700})
                .categorical("c", new String[] {"a", "a", "b", null, "b", "b", "b"})
                .regressionTarget("y", new double[7])
                .build();

        FeatureEncoder encoder = FeatureEncoder.fit(t.select(new int[] {0, 1, 2, 3}), false);
        double[] missing = encoder.encode(t.select(new int[] {3})).row(0);

        assertThat(missing).containsExactly(2.0, 1.0, 0.0);
        assertThat(FeatureEncoder.fit(t, false).encode(t.select(new int[] {3})).row(0))
                .as("fitted on every row, the fills would differ").containsExactly(251.5, 0.0, 1.0);
    }

    @Test
    void aMissingValueInALaidOutRowIsImputedAsInATableRow() {
        Table all = table();
        FeatureEncoder encoder = FeatureEncoder.fit(all.select(TRAIN), true);
        Table withMissing = Table.builder("w").numeric("x", new double[] {Double.NaN})
                .categorical("c", new String[] {null}).regressionTarget("y", new double[] {0}).build();

        double[] laidOut = encoder.encodeLaidOut(new float[] {Float.NaN, Float.NaN, Float.NaN});

        assertThat(laidOut).containsExactly(encoder.encode(withMissing).row(0));
        assertThat(laidOut).containsExactly((2.5 - 2.5) / Math.sqrt(1.25), 1, 0);
        assertThat(encoder.encodeLaidOut(new float[] {Float.NaN, 0, 0})).as("all-zero indicators: unseen, kept")
                .endsWith(0, 0);
    }

    @Test
    void aConstantColumnKeepsScaleOne() {
        Table t = Table.builder("k").numeric("x", new double[] {5, 5}).regressionTarget("y", new double[] {0, 1}).build();

        FeatureEncoder encoder = FeatureEncoder.fit(t, true);

        assertThat(encoder.columns().get(0).scale()).isEqualTo(1.0);
        assertThat(encoder.encode(t).row(1)).containsExactly(0.0);
    }

    @Test
    void aRawRowIsEncodedLikeATableRow() {
        Table all = table();
        FeatureEncoder encoder = FeatureEncoder.fit(all.select(TRAIN), true);
        Map<String, Object> row = new HashMap<>();
        row.put("x", "1000");
        row.put("c", "z");

        assertThat(encoder.encodeRow(row)).containsExactly(encoder.encode(all).row(4));
        assertThat(encoder.encodeRow(Map.of("x", 2, "c", "b"))).containsExactly(encoder.encode(all).row(1));
    }

    @Test
    void aNonNumericValueForANumericColumnIsRejected() {
        FeatureEncoder encoder = FeatureEncoder.fit(table(), true);

        assertThatThrownBy(() -> encoder.encodeRow(Map.of("x", "tall")))
                .isInstanceOf(TrainersException.class)
                .hasMessageContaining("'x'")
                .hasMessageContaining("'tall'");
    }

    @Test
    void aTableWithOtherColumnsIsRejected() {
        FeatureEncoder encoder = FeatureEncoder.fit(table(), true);
        Table other = Table.builder("o").numeric("w", new double[] {1}).regressionTarget("y", new double[] {1}).build();

        assertThatThrownBy(() -> encoder.encode(other))
                .isInstanceOf(TrainersException.class)
                .hasMessageContaining("no feature column 'x'");
    }

    @Test
    void jsonRoundTripEncodesIdentically(@TempDir Path dir) {
        Table all = table();
        FeatureEncoder encoder = FeatureEncoder.fit(all.select(TRAIN), true);
        Path file = dir.resolve("encoder.json");

        EncoderJson.write(encoder, file);
        FeatureEncoder back = EncoderJson.read(file);

        assertThat(back.featureNames()).isEqualTo(encoder.featureNames());
        for (int r = 0; r < all.rowCount(); r++) {
            assertThat(back.encode(all).row(r)).containsExactly(encoder.encode(all).row(r));
        }
        assertThat(EncoderJson.fromJson(EncoderJson.toJson(encoder), "s").toMap()).isEqualTo(encoder.toMap());
    }

    @Test
    void jsonKeepsTheFillValuesAndAnEncoderWrittenWithoutThemFillsWithTheMeanAndZeros() {
        Table all = table();
        FeatureEncoder encoder = FeatureEncoder.fit(all.select(TRAIN), true);
        Map<String, Object> map = encoder.toMap();

        FeatureEncoder back = EncoderJson.fromMap(map, "s");
        assertThat(back.columns()).isEqualTo(encoder.columns());

        @SuppressWarnings("unchecked")
        java.util.List<Map<String, Object>> columns = (java.util.List<Map<String, Object>>) map.get("columns");
        columns.forEach(c -> c.remove("fill"));
        FeatureEncoder old = EncoderJson.fromMap(map, "old.json");
        assertThat(old.columns().get(0).fillNumber()).isEqualTo(old.columns().get(0).mean());
        assertThat(old.encodeLaidOut(new float[] {Float.NaN, Float.NaN, Float.NaN})).containsExactly(0, 0, 0);
    }

    @Test
    void jsonOfAnotherFormatIsRejected() {
        assertThatThrownBy(() -> EncoderJson.fromJson("{\"format\":\"other\"}", "file.json"))
                .isInstanceOf(TrainersException.class)
                .hasMessageContaining("file.json is not a feature encoder");
    }
}
