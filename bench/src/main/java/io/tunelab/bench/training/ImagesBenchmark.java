package io.tunelab.bench.training;

import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.djl.ActivationKind;
import io.tunelab.trainers.djl.CnnArchitecture;
import io.tunelab.trainers.djl.PoolingKind;
import io.tunelab.trainers.djl.WeightInit;
import io.tunelab.trainers.djl.train.DjlObjective;
import io.tunelab.trainers.djl.train.DjlObjectiveConfig;
import io.tunelab.trainers.sources.ImageFolders;
import io.tunelab.trainers.sources.TrainingData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The image-folder target of the DJL trainers: the examples of a labelled image data set (Fashion-MNIST
 * from the command line) are written as PNG files into a folder with one sub-folder per class, read back
 * through the {@code images} data source of a study file ({@link ImageFolders}: {@code image_size [28, 28]},
 * one channel, stratified splits of {@link #TEST_SPLIT} test and {@link #VALID_SPLIT} of the rest
 * validating, i.e. 10,000 / 5,000 / 55,000 of Fashion-MNIST's 70,000), and one trial of the {@code djl-cnn}
 * trainer with residual blocks, batch norm and a global-average-pooling head trains on them through
 * {@link DjlObjective} with the parameters a study file would fix. The trial keeps the weights of its
 * best validation epoch; its test accuracy is set against the target, {@link #TARGET_ACCURACY}.
 * Not a test: the figure depends on the budget and the seed.
 */
public final class ImagesBenchmark {
    /** The target test accuracy in a 5-epoch budget. */
    public static final double TARGET_ACCURACY = 0.88;
    /** Share of all images testing (Fashion-MNIST's 10,000 of 70,000). */
    public static final double TEST_SPLIT = 1.0 / 7;
    /** Share of the rest validating (5,000 of 60,000). */
    public static final double VALID_SPLIT = 1.0 / 12;

    /**
     * @param directory    where the class folders are written
     * @param images       write only the first this many images of each source split's share (0: all)
     * @param epochs       training epochs
     * @param convBlocks   residual blocks, each halving the image
     * @param filters      filters of the first block, doubling with each block
     * @param batchSize    examples per step
     * @param learningRate Adam's learning rate
     * @param threads      PyTorch intra-op threads (one inter-op thread)
     * @param seed         seeds the splits, the weights and the shuffling
     */
    public record Options(Path directory, int images, int epochs, int convBlocks, int filters, int batchSize,
                          double learningRate, int threads, long seed) {
        public Options {
            if (images < 0 || epochs < 1 || convBlocks < 1 || filters < 1 || batchSize < 1 || !(learningRate > 0)
                    || threads < 1) {
                throw new IllegalArgumentException("need images >= 0 and at least 1 epoch, block, filter and example per"
                        + " batch and a positive learning rate, got " + images + " images, " + epochs + " epochs, "
                        + convBlocks + " blocks, " + filters + " filters, batch " + batchSize + ", learning rate " + learningRate
                        + ", " + threads + " threads");
            }
        }

        /**
         * The defaults: 3 residual blocks from 16 filters, batch 32, Adam 1e-3, one thread. Fixed before any run
         * on this data, not tuned (neither on validation nor on test figures).
         */
        public static Options defaults(Path directory, int epochs, long seed) {
            return new Options(directory, 0, epochs, 3, 16, 32, 1e-3, 1, seed);
        }

        /** The study file's fixed parameters of the trial. */
        public Map<String, Object> fixedParams() {
            return Map.ofEntries(Map.entry("model", "cnn"), Map.entry("residual", true), Map.entry("batch_norm", true),
                    Map.entry("global_pool", true), Map.entry("conv_blocks", convBlocks), Map.entry("filters", filters),
                    Map.entry("kernel_size", 3), Map.entry("pooling", "max"), Map.entry("activation", "relu"),
                    Map.entry("optimizer", "adam"), Map.entry("learning_rate", learningRate),
                    Map.entry("batch_size", batchSize), Map.entry("epochs", epochs));
        }

        /** The network {@link #fixedParams} make of examples shaped {@code inputShape} with {@code classes} classes. */
        public CnnArchitecture architecture(List<Integer> inputShape, int classes) {
            return new CnnArchitecture(inputShape, convBlocks, filters, 3, PoolingKind.MAX, 128, 0, ActivationKind.RELU,
                    WeightInit.GLOROT, true, classes, true, true);
        }
    }

    /**
     * What the trial reached.
     *
     * @param architecture   the network, as the trial describes it
     * @param split          training, validation and test examples
     * @param testAccuracy   test accuracy of the weights of the best validation epoch, with its 95% interval
     * @param bestValAccuracy the best epoch's validation accuracy
     * @param epochSeconds   wall time of each epoch's training steps
     * @param writeSeconds   time to write the PNG files
     * @param loadSeconds    time to read them back through the images data source
     */
    public record Result(Options options, String architecture, int[] split, double testAccuracy, double testLow,
                         double testHigh, double bestValAccuracy, List<Double> epochSeconds, double writeSeconds,
                         double loadSeconds) {
        public boolean reached() {
            return testAccuracy >= TARGET_ACCURACY;
        }

        public double meanEpochSeconds() {
            return epochSeconds.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        /** The figures, one per line. */
        public String describe() {
            return String.format(Locale.ROOT, """
                    image folder: %d train / %d validation / %d test PNG images (written in %.1f s, read in %.1f s)
                    network: %s; Adam %.4g, batch %d, %d epochs, %d thread(s), seed %d
                    seconds per epoch (training steps): %s, mean %.1f
                    best validation accuracy: %.4f
                    test accuracy: %.4f (95%% interval %.4f to %.4f; target >= %.2f: %s)
                    """, split[0], split[1], split[2], writeSeconds, loadSeconds, architecture, options.learningRate(),
                    options.batchSize(), options.epochs(), options.threads(), options.seed(),
                    epochSeconds.stream().map(s -> String.format(Locale.ROOT, "%.1f", s)).toList(), meanEpochSeconds(),
                    bestValAccuracy, testAccuracy, testLow, testHigh, TARGET_ACCURACY, reached() ? "reached" : "NOT reached");
        }
    }

    private ImagesBenchmark() {
    }

    /** Writes {@code source}'s images (pixel values in [0, 1]) into class folders, then trains on them. */
    public static Result run(Options o, DatasetSplits source, List<String> classNames) {
        TrainBenchmark.useThreads(o.threads());
        long start = System.nanoTime();
        int written = writeFolders(source, classNames, o.directory(), o.images());
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        TrainingData data = ImageFolders.load(o.directory(), 28, 28, 1, TEST_SPLIT, VALID_SPLIT, o.seed());
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        if (data.splits().train().size() + data.splits().valid().size() + data.splits().test().size() != written) {
            throw new IllegalStateException("wrote " + written + " images but the images data source read "
                    + data.splits().train().size() + " + " + data.splits().valid().size() + " + " + data.splits().test().size());
        }
        InMemoryStorage storage = new InMemoryStorage();
        Study study = Study.builder("images").storage(storage).seed(o.seed()).create();
        study.optimize(new DjlObjective(data, DjlObjectiveConfig.cnn(Map.of(), o.fixedParams()).withCheckpoint(false)),
                OptimizeOptions.trials(1));
        FrozenTrial trial = study.trials(java.util.EnumSet.allOf(TrialState.class)).get(0);
        if (trial.state() != TrialState.COMPLETE) {
            throw new IllegalStateException("the residual CNN trial ended " + trial.state() + ": " + trial.message());
        }
        Map<?, ?> test = (Map<?, ?>) trial.userAttrs().get("test_evaluation");
        Map<?, ?> interval = (Map<?, ?>) test.get("accuracy_interval");
        List<Double> seconds = storage.metrics(trial.id(), "epoch_time").stream().map(MetricPoint::value).toList();
        DatasetSplits s = data.splits();
        return new Result(o, String.valueOf(trial.userAttrs().get("architecture")),
                new int[] {s.train().size(), s.valid().size(), s.test().size()}, number(test.get("accuracy")),
                number(interval.get("low")), number(interval.get("high")), trial.value(), seconds, writeSeconds, loadSeconds);
    }

    private static double number(Object o) {
        return ((Number) o).doubleValue();
    }

    /**
     * Writes every example of {@code source}'s training, validation and test splits (at most {@code limit}
     * of each when positive) as a grey PNG into {@code root/NN_name/}, one folder per class; returns the count.
     */
    static int writeFolders(DatasetSplits source, List<String> classNames, Path root, int limit) {
        Path[] folders = new Path[classNames.size()];
        try {
            for (int c = 0; c < folders.length; c++) {
                folders[c] = Files.createDirectories(root.resolve(String.format(Locale.ROOT, "%02d_%s", c,
                        classNames.get(c).replaceAll("[^A-Za-z0-9-]", "_"))));
            }
            int count = 0;
            String[] names = {"train", "valid", "test"};
            DenseDataset[] splits = {source.train(), source.valid(), source.test()};
            for (int k = 0; k < splits.length; k++) {
                DenseDataset d = splits[k];
                int n = limit > 0 ? Math.min(limit, d.size()) : d.size();
                for (int i = 0; i < n; i++) {
                    Path file = folders[d.label(i)].resolve(String.format(Locale.ROOT, "%s-%05d.png", names[k], i));
                    Files.write(file, greyPng(d, i));
                    count++;
                }
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the image folder " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Example {@code i} of {@code d} (a [height, width] or [1, height, width] image in [0, 1]) as an 8-bit grey
     * PNG file: signature, IHDR, one IDAT of the deflated rows (filter type 0) and IEND. Written here rather than
     * by {@code ImageIO}, which took milliseconds per small image on a loaded machine.
     */
    static byte[] greyPng(DenseDataset d, int i) {
        int[] shape = d.exampleShape();
        int h = shape[shape.length - 2];
        int w = shape[shape.length - 1];
        float[] pixels = new float[d.exampleSize()];
        d.copyExample(i, pixels, 0);
        byte[] raw = new byte[h * (w + 1)];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                raw[r * (w + 1) + 1 + c] = (byte) Math.round(Math.max(0, Math.min(1, pixels[r * w + c])) * 255);
            }
        }
        Deflater deflater = new Deflater();
        deflater.setInput(raw);
        deflater.finish();
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            idat.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        ByteBuffer header = ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) 8).put((byte) 0).put((byte) 0)
                .put((byte) 0).put((byte) 0);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(png, "IHDR", header.array());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
