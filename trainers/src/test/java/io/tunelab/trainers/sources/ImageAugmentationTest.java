package io.tunelab.trainers.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.data.DenseDataset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImageAugmentationTest {
    /** Two channels of 3x4 pixels numbered 1..24, so that every pixel's origin is visible. */
    private static final int[] SHAPE = {2, 3, 4};
    private static final float[] IMAGE = new float[24];

    static {
        for (int i = 0; i < IMAGE.length; i++) {
            IMAGE[i] = i + 1;
        }
    }

    private static float at(float[] image, int c, int r, int k) {
        return r < 0 || r >= 3 || k < 0 || k >= 4 ? 0 : image[c * 12 + r * 4 + k];
    }

    private static List<Float> draw(ImageAugmentation augmentation, SplittableRandom random) {
        float[] out = new float[24];
        augmentation.apply(IMAGE, 0, out, SHAPE, random);
        List<Float> list = new java.util.ArrayList<>();
        for (float v : out) {
            list.add(v);
        }
        return list;
    }

    @Test
    void aFlipMirrorsEveryChannelLeftToRightAboutHalfTheTime() {
        SplittableRandom random = new SplittableRandom(3);
        int mirrored = 0;
        for (int n = 0; n < 200; n++) {
            float[] out = new float[24];
            new ImageAugmentation(true, 0).apply(IMAGE, 0, out, SHAPE, random);
            boolean same = java.util.Arrays.equals(out, IMAGE);
            boolean mirror = true;
            for (int c = 0; c < 2; c++) {
                for (int r = 0; r < 3; r++) {
                    for (int k = 0; k < 4; k++) {
                        mirror &= out[c * 12 + r * 4 + k] == at(IMAGE, c, r, 3 - k);
                    }
                }
            }
            assertThat(same || mirror).as("unchanged or mirrored").isTrue();
            mirrored += mirror ? 1 : 0;
        }
        assertThat(mirrored).isBetween(70, 130);
    }

    @Test
    void aCropWithPaddingShiftsTheImageByUpToThePaddingWithZerosWhereNothingWas() {
        SplittableRandom random = new SplittableRandom(4);
        Set<String> shifts = new HashSet<>();
        for (int n = 0; n < 300; n++) {
            float[] out = new float[24];
            new ImageAugmentation(false, 1).apply(IMAGE, 0, out, SHAPE, random);
            String found = null;
            for (int dy = -1; dy <= 1 && found == null; dy++) {
                for (int dx = -1; dx <= 1 && found == null; dx++) {
                    boolean match = true;
                    for (int c = 0; c < 2; c++) {
                        for (int r = 0; r < 3; r++) {
                            for (int k = 0; k < 4; k++) {
                                match &= out[c * 12 + r * 4 + k] == at(IMAGE, c, r + dy, k + dx);
                            }
                        }
                    }
                    found = match ? dy + "," + dx : null;
                }
            }
            assertThat(found).as("a shift of at most one pixel each way").isNotNull();
            shifts.add(found);
        }
        assertThat(shifts).as("all nine crops of a one-pixel padding occur").hasSize(9);
    }

    @Test
    void theSameSeedGivesTheSameAugmentationsAndAnotherSeedOthers() {
        ImageAugmentation both = new ImageAugmentation(true, 2);
        SplittableRandom a = new SplittableRandom(7);
        SplittableRandom b = new SplittableRandom(7);
        SplittableRandom c = new SplittableRandom(8);
        List<List<Float>> first = new java.util.ArrayList<>();
        List<List<Float>> second = new java.util.ArrayList<>();
        List<List<Float>> other = new java.util.ArrayList<>();
        for (int n = 0; n < 20; n++) {
            first.add(draw(both, a));
            second.add(draw(both, b));
            other.add(draw(both, c));
        }
        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void augmentationNeedsImagesLargerThanItsPadding() {
        assertThatThrownBy(() -> new ImageAugmentation(true, 0).check(new int[] {784}))
                .isInstanceOf(TrainersException.class).hasMessageContaining("images of shape [channels, height, width]")
                .hasMessageContaining("[784]");
        assertThatThrownBy(() -> new ImageAugmentation(false, 3).check(SHAPE))
                .isInstanceOf(TrainersException.class).hasMessageContaining("crop 3 must be smaller").hasMessageContaining("3x4");
        assertThatThrownBy(() -> new ImageAugmentation(false, -1)).isInstanceOf(TrainersException.class)
                .hasMessageContaining("got -1");
        ImageAugmentation.none().check(new int[] {784});
        new ImageAugmentation(true, 2).check(new int[] {3, 4});
    }

    @Test
    void trainingDataOfTabularExamplesRefusesAugmentation() {
        DenseDataset rows = DenseDataset.regression(new float[8], new int[] {4}, new float[2], 1);
        DatasetSplits splits = new DatasetSplits(rows, rows, rows);

        assertThatThrownBy(() -> new TrainingData(splits, DataCard.tensors(rows), new ImageAugmentation(true, 0)))
                .isInstanceOf(TrainersException.class).hasMessageContaining("augment applies to images");
    }
}
