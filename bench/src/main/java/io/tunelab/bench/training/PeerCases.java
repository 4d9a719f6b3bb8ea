package io.tunelab.bench.training;

import io.tunelab.bench.training.TorchPeerBenchmark.Case;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.djl.ActivationKind;
import io.tunelab.trainers.djl.MlpArchitecture;
import io.tunelab.trainers.djl.RecurrentCell;
import io.tunelab.trainers.djl.Regularization;
import io.tunelab.trainers.djl.RnnArchitecture;
import io.tunelab.trainers.djl.WeightInit;
import io.tunelab.trainers.djl.optimizer.OptimizerKind;
import io.tunelab.trainers.sources.CsvDatasets;
import io.tunelab.trainers.sources.SeriesDatasets;
import io.tunelab.trainers.tabular.CsvOptions;
import io.tunelab.trainers.tabular.Synthetic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The networks of {@link TorchPeerBenchmark}, one per new DJL trainer, all trained with Adam 1e-3 in
 * batches of 32:
 * <ul>
 *   <li>{@code resnet}: the residual CNN of {@link ImagesBenchmark} (its default blocks and filters, batch
 *       norm, global average pooling) on the first {@code images} Fashion-MNIST training images;</li>
 *   <li>{@code gru}, {@code lstm}: two recurrent layers of 20 units and a dense output on the book's
 *       synthetic series ({@code series} series of 50 steps predicting the 51st; 70% train);</li>
 *   <li>{@code conv1d-gru}: the book's Conv1D (20 filters, kernel 4, stride 2) + GRU 20-20 model on the same series;</li>
 *   <li>{@code mlp-bn}: an MLP 64-64 with batch norm (ReLU) regressing Friedman #1 from a generated CSV of
 *       {@code rows} rows ({@link CsvRegressionBenchmark}'s file; 64% train).</li>
 * </ul>
 */
public final class PeerCases {
    /** Every case, in the order they run. */
    public static final List<String> NAMES = List.of("resnet", "gru", "lstm", "conv1d-gru", "mlp-bn");
    private static final double LEARNING_RATE = 1e-3;
    private static final int BATCH = 32;
    private static final int VALIDATION = 1000;

    private PeerCases() {
    }

    /**
     * Sizes of the cases' training data.
     *
     * @param images first Fashion-MNIST training images of {@code resnet}
     * @param series synthetic series of the recurrent cases (70% train, 20% validate)
     * @param rows   CSV rows of {@code mlp-bn}
     */
    public record Sizes(int images, int series, int rows) {
        public Sizes {
            if (images < 2 || series < 10 || rows < 50) {
                throw new TrainersException("need at least 2 images, 10 series and 50 CSV rows, got " + images + ", " + series
                        + " and " + rows);
            }
        }
    }

    /**
     * The cases called {@code names}; {@code images} supplies the image data set (asked for only when
     * {@code resnet} is among them), {@code work} receives the CSV file.
     */
    public static List<Case> build(List<String> names, Sizes sizes, Supplier<DatasetSplits> images, Path work, long seed) {
        List<Case> cases = new ArrayList<>();
        DatasetSplits series = null;
        for (String name : names) {
            if (!NAMES.contains(name)) {
                throw new TrainersException("unknown case '" + name + "', expected some of " + NAMES);
            }
            if (series == null && (name.equals("gru") || name.equals("lstm") || name.equals("conv1d-gru"))) {
                int valid = sizes.series() / 5;
                series = SeriesDatasets.synthetic(sizes.series(), 50, 1, valid, sizes.series() / 10, seed).splits();
            }
            cases.add(switch (name) {
                case "resnet" -> resnet(images.get(), sizes.images(), seed);
                case "gru" -> recurrent(name, series, RecurrentCell.GRU, 0);
                case "lstm" -> recurrent(name, series, RecurrentCell.LSTM, 0);
                case "conv1d-gru" -> recurrent(name, series, RecurrentCell.GRU, 20);
                default -> mlp(sizes.rows(), work, seed);
            });
        }
        return cases;
    }

    private static Case resnet(DatasetSplits all, int images, long seed) {
        DatasetSplits data = all.limit(images, VALIDATION, 0);
        var architecture = ImagesBenchmark.Options.defaults(Path.of("."), 1, seed)
                .architecture(toList(data.train().exampleShape()), data.train().numClasses());
        return new Case("resnet", architecture, data, OptimizerKind.ADAM, LEARNING_RATE, BATCH);
    }

    private static Case recurrent(String name, DatasetSplits series, RecurrentCell cell, int convFilters) {
        RnnArchitecture architecture = new RnnArchitecture(toList(series.train().exampleShape()), cell, List.of(20, 20),
                convFilters, 4, 2, 0, WeightInit.GLOROT, 1);
        DatasetSplits data = series.limit(series.train().size(), VALIDATION, 0);
        return new Case(name, architecture, data, OptimizerKind.ADAM, LEARNING_RATE, BATCH);
    }

    private static Case mlp(int rows, Path work, long seed) {
        Path csv = CsvRegressionBenchmark.writeCsv(Synthetic.regression(rows, 1, 1.0, seed), work.resolve("friedman1.csv"));
        DatasetSplits data = CsvDatasets.load(csv, CsvOptions.regression("y"), 0.2, 0.2, seed).splits();
        MlpArchitecture architecture = new MlpArchitecture(toList(data.train().exampleShape()), List.of(64, 64),
                ActivationKind.RELU, WeightInit.GLOROT, true, 0, false, 1, false, false, Regularization.NONE);
        return new Case("mlp-bn", architecture, data, OptimizerKind.ADAM, LEARNING_RATE, BATCH);
    }

    private static List<Integer> toList(int[] shape) {
        return java.util.Arrays.stream(shape).boxed().toList();
    }
}
