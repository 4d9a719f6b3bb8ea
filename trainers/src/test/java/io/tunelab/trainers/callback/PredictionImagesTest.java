package io.tunelab.trainers.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.summary.CaptionedGrid;
import io.tunelab.trainers.testing.LoggedSummaries;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionImagesTest {
    private static final int N = 20;
    private static final List<String> CLASSES = List.of("a", "b", "c");

    /** 20 grey 4x4 images, image i of brightness i / 20 and class i % 3. */
    private static DenseDataset images() {
        float[] x = new float[N * 16];
        int[] y = new int[N];
        for (int i = 0; i < N; i++) {
            y[i] = i % 3;
            java.util.Arrays.fill(x, i * 16, (i + 1) * 16, i / (float) N);
        }
        return new DenseDataset(x, new int[] {1, 4, 4}, y, 3);
    }

    /**
     * Logits that predict every label right but examples 3 (wrong, 90%), 7 (wrong, 60%) and 12 (wrong, 99%).
     */
    private static float[] logits(DenseDataset data, boolean allRight) {
        float[] out = new float[N * 3];
        for (int i = 0; i < N; i++) {
            int guess = data.label(i);
            double confidence = 0.8;
            if (!allRight && (i == 3 || i == 7 || i == 12)) {
                guess = (guess + 1) % 3;
                confidence = i == 3 ? 0.9 : i == 7 ? 0.6 : 0.99;
            }
            double rest = (1 - confidence) / 2;
            for (int c = 0; c < 3; c++) {
                out[i * 3 + c] = (float) Math.log(c == guess ? confidence : rest);
            }
        }
        return out;
    }

    /**
     * The brightness of the top pixel in the middle of each of the first {@code tiles} tiles of a grid's first row, the
     * row holding exactly that many: which images it shows, in order (images are centred in tiles widened for captions).
     */
    private static int[] shownImages(BufferedImage grid, int tiles) {
        int tile = (grid.getWidth() + 1) / tiles;
        int[] shown = new int[tiles];
        for (int t = 0; t < tiles; t++) {
            shown[t] = Math.round((grid.getRGB(t * tile + tile / 2, 0) & 0xff) / 255f * N);
        }
        return shown;
    }

    @Test
    void everyNEpochsTheFirstImagesAndTheMostConfidentMistakesAreLoggedWithTheirLabels() {
        DenseDataset valid = images();
        FakeContext context = new FakeContext();
        context.outputs = logits(valid, false);
        LoggedSummaries logged = LoggedSummaries.of(trial -> {
            PredictionImages callback = new PredictionImages(trial, valid, CLASSES, 2);
            for (int epoch = 1; epoch <= 4; epoch++) {
                callback.onEpochEnd(FakeContext.metrics(epoch, 1, 0.5), context);
            }
        });

        assertThat(logged.of(PredictionImages.SAMPLES_TAG)).extracting(LoggedSummary::step).containsExactly(2L, 4L);
        BufferedImage samples = logged.image(PredictionImages.SAMPLES_TAG, 2);
        int tile = CaptionedGrid.MIN_TILE + 1;
        assertThat(samples.getWidth()).as("8 to a row").isEqualTo(8 * tile - 1);
        assertThat(samples.getHeight()).as("16 images in two rows").isEqualTo(2 * (CaptionedGrid.MIN_TILE + 2 * 13 + 2 + 1) - 1);
        assertThat(shownImages(samples, 8)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);

        assertThat(logged.of(PredictionImages.WORST_TAG)).extracting(LoggedSummary::step).containsExactly(2L, 4L);
        BufferedImage worst = logged.image(PredictionImages.WORST_TAG, 4);
        assertThat((worst.getWidth() + 1) % 3).as("three tiles of one width").isZero();
        assertThat(worst.getWidth()).as("the three mistakes, as wide as their captions").isGreaterThanOrEqualTo(3 * tile - 1);
        assertThat(shownImages(worst, 3)).as("most confident first").containsExactly(12, 3, 7);
    }

    @Test
    void withoutMistakesThereIsNoGridOfThem() {
        DenseDataset valid = images();
        FakeContext context = new FakeContext();
        context.outputs = logits(valid, true);
        LoggedSummaries logged = LoggedSummaries.of(trial ->
                new PredictionImages(trial, valid, CLASSES, 1).onEpochEnd(FakeContext.metrics(1, 1, 1), context));
        assertThat(logged.of(PredictionImages.SAMPLES_TAG)).hasSize(1);
        assertThat(logged.of(PredictionImages.WORST_TAG)).isEmpty();
    }

    @Test
    void examplesThatAreNotImagesAreRejectedNamingTheSummary() {
        DenseDataset rows = new DenseDataset(new float[12], new int[] {6}, new int[] {0, 1}, 2);
        assertThatThrownBy(() -> new PredictionImages(null, rows, List.of("a", "b"), 1)).isInstanceOf(TrainersException.class)
                .hasMessageContaining("summaries.images").hasMessageContaining("[6]");
        assertThat(PredictionImages.isImageClassification(images())).isTrue();
        assertThat(PredictionImages.isImageClassification(new DenseDataset(new float[32], new int[] {4, 4}, new int[] {0, 1}, 2)))
                .isTrue();
    }
}
