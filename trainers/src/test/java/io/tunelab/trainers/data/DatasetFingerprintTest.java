package io.tunelab.trainers.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.trainers.TrainersException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DatasetFingerprintTest {
    private static DenseDataset data(float firstValue, int firstLabel) {
        return new DenseDataset(new float[] {firstValue, 0.5f, 0.25f, 1f}, new int[] {2}, new int[] {firstLabel, 1}, 2);
    }

    @Test
    void equalContentGivesEqualFingerprints() {
        assertThat(DatasetFingerprint.of(data(0f, 0))).isEqualTo(DatasetFingerprint.of(data(0f, 0)));
    }

    @Test
    void aChangedFeatureOrLabelChangesTheHash() {
        String base = DatasetFingerprint.of(data(0f, 0)).sha256();

        assertThat(DatasetFingerprint.of(data(0.1f, 0)).sha256()).isNotEqualTo(base);
        assertThat(DatasetFingerprint.of(data(0f, 1)).sha256()).isNotEqualTo(base);
    }

    @Test
    void theSameValuesInAnotherShapeHashDifferently() {
        DenseDataset flat = data(0f, 0);
        DenseDataset square = new DenseDataset(new float[] {0f, 0.5f, 0.25f, 1f}, new int[] {1, 2}, new int[] {0, 1}, 2);

        assertThat(DatasetFingerprint.of(square).sha256()).isNotEqualTo(DatasetFingerprint.of(flat).sha256());
        assertThat(DatasetFingerprint.of(square).exampleShape()).containsExactly(1, 2);
    }

    @Test
    void printsAsSha256HexAndRecordsTheSameMapAsBefore() {
        DatasetFingerprint f = DatasetFingerprint.of(data(0f, 0));
        String hex = "51332a0edd7c6fdf7746eeeaf2d0994a83828a233f29ce63e55d7f0bc1a8ec52";

        assertThat(f).hasToString("sha256:" + hex);
        assertThat(f.toMap()).isEqualTo(Map.of("sha256", hex, "examples", 2, "example_shape", List.of(2), "num_classes", 2));
    }

    @Test
    void aDigestThatIsNotSixtyFourHexDigitsIsRejected() {
        assertThatThrownBy(() -> new DatasetFingerprint("sha256:abc", 1, List.of(1), 2))
                .isInstanceOf(TrainersException.class).hasMessageContaining("'sha256:abc'");
    }
}
