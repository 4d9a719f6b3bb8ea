package io.tunelab.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import io.tunelab.trainers.data.DatasetFingerprint;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.sources.ImageFolders;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which rows of their data the DJL trainers' test splits hold, as a promotion gate pairs them. */
class DjlTestRowsTest {
    @TempDir
    Path dir;

    private static StudySpec spec(String trainer, String data, int seed) {
        return new StudySpecParser().parse("""
                study: s
                direction: maximize
                metric: val_accuracy
                sampler: {type: random, seed: %d}
                budget: {trials: 1}
                trainer: %s
                data: %s
                space:
                  learning_rate: {reciprocal: [1e-4, 1e-1]}
                """.formatted(seed, trainer, data), "s.yaml");
    }

    @Test
    void aCsvFileSplitWithOneSeedHoldsOutTheSameRowsForDjlAndTribuoTrainers() throws Exception {
        Path csv = TestCsv.noisyClasses(dir, 100);
        String data = "{dataset: csv, path: " + csv + ", target: y}";

        TestRows djl = DjlData.testRows(spec("djl-mlp", data, 4)).orElseThrow();

        assertThat(djl).isEqualTo(new TribuoTrainers().testRows(spec("tribuo-cart", data, 4)).orElseThrow());
        assertThat(djl.rows()).hasSize(DjlData.load(spec("djl-mlp", data, 4), false).splits().test().size());
        assertThat(djl.rows()).isNotEqualTo(DjlData.testRows(spec("djl-mlp", data, 5)).orElseThrow().rows());
    }

    @Test
    void anImageFoldersTestRowsAreItsTestImagesInTheOrderTheyAreScored() throws Exception {
        Path images = TestImages.darkAndLight(dir);
        StudySpec spec = spec("djl-cnn", "{dataset: images, path: " + images + ", image_size: [8, 8]}", 3);

        TestRows rows = DjlData.testRows(spec).orElseThrow();

        DenseDataset all = ImageFolders.read(images, 8, 8, 1);
        assertThat(rows.data()).isEqualTo(DatasetFingerprint.of(all).toString());
        assertThat(DatasetFingerprint.of(all.select(rows.rows())))
                .isEqualTo(DatasetFingerprint.of(DjlData.load(spec, false).splits().test()));
    }
}
