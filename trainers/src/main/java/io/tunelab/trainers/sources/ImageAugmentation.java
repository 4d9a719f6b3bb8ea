package io.tunelab.trainers.sources;

import io.tunelab.trainers.TrainersException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Random changes to training images, drawn afresh for every example of every training batch: with
 * {@code flip}, a horizontal mirror with probability one half; with {@code crop} {@code N > 0}, a random
 * crop of the original size from the image padded with {@code N} zeros on each side (a shift of up to
 * {@code N} pixels each way, uncovered pixels zero). Applied to training batches only, never to
 * validation or test examples, from a generator seeded with the trial's seed. Immutable.
 *
 * @param flip whether to mirror half of the images left to right
 * @param crop padding of the random crop in pixels, 0 for none
 */
public record ImageAugmentation(boolean flip, int crop) {
    public ImageAugmentation {
        if (crop < 0) {
            throw new TrainersException("augment.crop must be a padding of 0 or more pixels, got " + crop);
        }
    }

    /** No augmentation. */
    public static ImageAugmentation none() {
        return new ImageAugmentation(false, 0);
    }

    /** Whether this changes anything. */
    public boolean isNone() {
        return !flip && crop == 0;
    }

    /**
     * Checks that examples of {@code exampleShape} are images: {@code [channels, height, width]} or
     * {@code [height, width]}, with the crop's padding smaller than both sides.
     *
     * @throws TrainersException naming the shape otherwise
     */
    public void check(int[] exampleShape) {
        if (isNone()) {
            return;
        }
        if (exampleShape.length != 2 && exampleShape.length != 3) {
            throw new TrainersException("augment applies to images of shape [channels, height, width], but the examples"
                    + " have shape " + Arrays.toString(exampleShape));
        }
        int height = exampleShape[exampleShape.length - 2];
        int width = exampleShape[exampleShape.length - 1];
        if (crop >= height || crop >= width) {
            throw new TrainersException("augment.crop " + crop + " must be smaller than the image's height and width, "
                    + height + "x" + width);
        }
    }

    /**
     * Writes an augmented copy of the example at {@code from[offset..]} (shape {@code exampleShape}, which
     * {@link #check} accepted) into {@code to[0..size)}.
     */
    public void apply(float[] from, int offset, float[] to, int[] exampleShape, SplittableRandom random) {
        int height = exampleShape[exampleShape.length - 2];
        int width = exampleShape[exampleShape.length - 1];
        int plane = height * width;
        int channels = exampleShape.length == 3 ? exampleShape[0] : 1;
        boolean mirror = flip && random.nextBoolean();
        int dy = crop > 0 ? random.nextInt(2 * crop + 1) - crop : 0;
        int dx = crop > 0 ? random.nextInt(2 * crop + 1) - crop : 0;
        for (int c = 0; c < channels; c++) {
            for (int r = 0; r < height; r++) {
                int sr = r + dy;
                for (int k = 0; k < width; k++) {
                    int sk = (mirror ? width - 1 - k : k) + dx;
                    boolean inside = sr >= 0 && sr < height && sk >= 0 && sk < width;
                    to[c * plane + r * width + k] = inside ? from[offset + c * plane + sr * width + sk] : 0f;
                }
            }
        }
    }
}
