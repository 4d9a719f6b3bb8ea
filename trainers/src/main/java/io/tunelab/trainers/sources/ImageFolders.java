package io.tunelab.trainers.sources;

import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.tabular.Split;
import io.tunelab.trainers.tabular.Splits;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * A folder of images with one sub-folder per class (sorted by name; PNG or JPEG files) as
 * classification splits: each image scaled to {@code height × width}, as {@code channels} 1 (grey) or 3
 * (RGB) planes of values in [0, 1], shape {@code [channels, height, width]}; split stratified and
 * seeded into test, validation and training parts. Stateless.
 */
public final class ImageFolders {
    private ImageFolders() {
    }

    /**
     * @throws TrainersException naming the file of an unreadable image, or a folder without classes
     */
    public static TrainingData load(Path root, int height, int width, int channels, double testFraction,
                                    double validFraction, long seed) {
        DenseDataset all = read(root, height, width, channels);
        Split outer = holdOut(all, testFraction, seed);
        DenseDataset rest = all.select(outer.train());
        Split inner = Splits.holdOut(rest.labels(), validFraction, seed + 1);
        List<String> names = classDirs(root).stream().map(d -> d.getFileName().toString()).toList();
        return new TrainingData(new DatasetSplits(rest.select(inner.train()), rest.select(inner.test()),
                all.select(outer.test())), DataCard.labelledImages(names, DataCard.Input.IMAGE));
    }

    /**
     * Every image of the folder, class folder by class folder in name order and by file name within each, labelled by
     * its class folder's position: the examples {@link #load} splits.
     *
     * @throws TrainersException naming the file of an unreadable image, or a folder without classes
     */
    public static DenseDataset read(Path root, int height, int width, int channels) {
        if (channels != 1 && channels != 3) {
            throw new TrainersException("channels must be 1 (grey) or 3 (RGB), got " + channels);
        }
        if (height < 1 || width < 1) {
            throw new TrainersException("image_size must be two positive numbers, got " + height + "x" + width);
        }
        List<Path> classDirs = classDirs(root);
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < classDirs.size(); c++) {
            for (Path file : list(classDirs.get(c)).stream().filter(ImageFolders::isImage).sorted().toList()) {
                images.add(pixels(file, height, width, channels));
                labels.add(c);
            }
        }
        int size = channels * height * width;
        float[] x = new float[images.size() * size];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, x, i * size, size);
        }
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        return new DenseDataset(x, new int[] {channels, height, width}, y, classDirs.size());
    }

    /** The examples of {@link #read} that {@link #load} holds out for testing (stratified, seeded), in its test order. */
    public static Split holdOut(DenseDataset all, double testFraction, long seed) {
        return Splits.holdOut(all.labels(), testFraction, seed);
    }

    private static List<Path> classDirs(Path root) {
        List<Path> classDirs = list(root).stream().filter(Files::isDirectory).sorted().toList();
        if (classDirs.size() < 2) {
            throw new TrainersException(root + " has " + classDirs.size() + " class folders; expected one folder per class,"
                    + " at least two");
        }
        return classDirs;
    }

    /** One image as {@code channels} planes of {@code height × width} values in [0, 1]. */
    public static float[] pixels(BufferedImage image, int height, int width, int channels) {
        BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        float[] out = new float[channels * height * width];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int rgb = scaled.getRGB(c, r);
                float red = ((rgb >> 16) & 0xff) / 255f;
                float green = ((rgb >> 8) & 0xff) / 255f;
                float blue = (rgb & 0xff) / 255f;
                if (channels == 1) {
                    out[r * width + c] = 0.299f * red + 0.587f * green + 0.114f * blue;
                } else {
                    out[r * width + c] = red;
                    out[height * width + r * width + c] = green;
                    out[2 * height * width + r * width + c] = blue;
                }
            }
        }
        return out;
    }

    private static float[] pixels(Path file, int height, int width, int channels) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new TrainersException("cannot read the image " + file + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new TrainersException("cannot read the image " + file + ": not a PNG or JPEG image");
        }
        return pixels(image, height, width, channels);
    }

    private static boolean isImage(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg"));
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the image folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
