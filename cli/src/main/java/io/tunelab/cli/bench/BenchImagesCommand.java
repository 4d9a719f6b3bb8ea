package io.tunelab.cli.bench;

import io.tunelab.bench.training.ImagesBenchmark;
import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.data.FashionMnist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tunelab bench images}: a residual CNN trained on Fashion-MNIST written as an image folder. */
@Command(name = "images", mixinStandardHelpOptions = true,
        description = "Writes Fashion-MNIST's 70,000 images as PNG files into one folder per class, reads them through the"
                + " images data source (10,000 test, 5,000 validation) and trains one djl-cnn trial with residual blocks,"
                + " batch norm and global average pooling; test accuracy against the target of 0.88 and seconds per epoch.")
public final class BenchImagesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--epochs", defaultValue = "5", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--images", defaultValue = "0", paramLabel = "N",
            description = "Write only the first N images of each Fashion-MNIST split (default: all).")
    int images;

    @Option(names = "--blocks", defaultValue = "3", description = "Residual blocks (default: ${DEFAULT-VALUE}).")
    int blocks;

    @Option(names = "--filters", defaultValue = "16", description = "Filters of the first block (default: ${DEFAULT-VALUE}).")
    int filters;

    @Option(names = "--batch-size", defaultValue = "32", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--learning-rate", defaultValue = "0.001", description = "Adam's learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--threads", defaultValue = "1", description = "PyTorch intra-op threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the splits and the trial (default: ${DEFAULT-VALUE};"
            + " the network was fixed beforehand, not tuned on this data).")
    long seed;

    @Mixin
    DataDirOption data;

    @Override
    public Integer call() throws IOException {
        ImagesBenchmark.Options options;
        Path dir = Files.createTempDirectory("tunelab-bench-images-");
        try {
            options = new ImagesBenchmark.Options(dir, images, epochs, blocks, filters, batchSize, learningRate, threads, seed);
            DatasetSplits source = data.repository().load(FashionMnist.SPEC);
            ImagesBenchmark.Result result = ImagesBenchmark.run(options, source, FashionMnist.CLASS_NAMES);
            spec.commandLine().getOut().print(result.describe());
            spec.commandLine().getOut().flush();
        } finally {
            BenchOutput.deleteTree(dir);
        }
        return 0;
    }
}
