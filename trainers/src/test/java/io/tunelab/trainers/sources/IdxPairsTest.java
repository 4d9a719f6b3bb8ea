package io.tunelab.trainers.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.trainers.TrainersException;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxPairsTest {
    @TempDir
    Path dir;

    /** An unsigned-byte IDX file of {@code shape} whose bytes are {@code value(i)}. */
    private Path idx(String name, boolean gzip, int[] shape, java.util.function.IntUnaryOperator value) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream raw = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file);
             DataOutputStream out = new DataOutputStream(raw)) {
            out.writeInt((0x08 << 8) | shape.length);
            int n = 1;
            for (int d : shape) {
                out.writeInt(d);
                n *= d;
            }
            for (int i = 0; i < n; i++) {
                out.writeByte(value.applyAsInt(i));
            }
        }
        return file;
    }

    @Test
    void aTrainingAndATestPairSplitLikeFashionMnistWhetherGzippedOrNot() throws IOException {
        Path images = idx("train-images.gz", true, new int[] {20, 3, 2}, i -> i % 256);
        Path labels = idx("train-labels", false, new int[] {20}, i -> i % 4);
        Path testImages = idx("test-images", false, new int[] {6, 3, 2}, i -> 255);
        Path testLabels = idx("test-labels.gz", true, new int[] {6}, i -> i % 2);

        TrainingData data = IdxPairs.load(images, labels, testImages, testLabels, 5, 0);

        assertThat(data.splits().valid().size()).isEqualTo(5);
        assertThat(data.splits().train().size()).isEqualTo(15);
        assertThat(data.splits().valid().label(1)).as("the first examples validate").isEqualTo(1);
        assertThat(data.splits().test().size()).isEqualTo(6);
        assertThat(data.splits().test().features()[0]).isEqualTo(1f);
        assertThat(data.splits().train().exampleShape()).containsExactly(3, 2);
        assertThat(data.card().classes()).containsExactly("0", "1", "2", "3");
    }

    @Test
    void withoutATestPairTheLastExamplesTest() throws IOException {
        Path images = idx("images", false, new int[] {20, 2, 2}, i -> i);
        Path labels = idx("labels", false, new int[] {20}, i -> i % 3);

        TrainingData data = IdxPairs.load(images, labels, null, null, 4, 6);

        assertThat(data.splits().test().size()).isEqualTo(6);
        assertThat(data.splits().test().label(0)).isEqualTo(14 % 3);
        assertThat(data.splits().train().size()).isEqualTo(10);
    }

    @Test
    void imagesAndLabelsOfDifferentCountsAreRefusedNamingBothFiles() throws IOException {
        Path images = idx("images", false, new int[] {20, 2, 2}, i -> i);
        Path labels = idx("labels", false, new int[] {19}, i -> 0);

        assertThatThrownBy(() -> IdxPairs.load(images, labels, null, null, 4, 6)).isInstanceOf(TrainersException.class)
                .hasMessageContaining("images has shape [20, 2, 2] but").hasMessageContaining("labels has shape [19]");
    }

    @Test
    void aFileThatIsNotIdxIsRefusedNamingIt() throws IOException {
        Path images = dir.resolve("images.csv");
        Files.writeString(images, "a,b\n1,2\n");
        Path labels = idx("labels", false, new int[] {2}, i -> 0);

        assertThatThrownBy(() -> IdxPairs.load(images, labels, null, null, 0, 1)).hasMessageContaining("images.csv");
    }
}
