package io.tunelab.bench.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.callback.EpochMetrics;
import io.tunelab.trainers.callback.TrainingCallback;
import io.tunelab.trainers.callback.TrainingContext;
import io.tunelab.trainers.data.DatasetRepository;
import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.data.FashionMnist;
import io.tunelab.trainers.device.CpuThreads;
import io.tunelab.trainers.djl.ActivationKind;
import io.tunelab.trainers.djl.Architecture;
import io.tunelab.trainers.djl.CnnArchitecture;
import io.tunelab.trainers.djl.MlpArchitecture;
import io.tunelab.trainers.djl.ModelFiles;
import io.tunelab.trainers.djl.Networks;
import io.tunelab.trainers.djl.PoolingKind;
import io.tunelab.trainers.djl.WeightInit;
import io.tunelab.trainers.djl.optimizer.OptimizerKind;
import io.tunelab.trainers.djl.optimizer.OptimizerSpec;
import io.tunelab.trainers.djl.train.FitConfig;
import io.tunelab.trainers.djl.train.TrainingLoop;
import io.tunelab.trainers.schedule.LearningRateSchedule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains the book's Fashion-MNIST networks and reports per-epoch timing and validation accuracy, to
 * compare with PyTorch run from Python on the same machine.
 * <ul>
 *   <li>{@code mlp}: 784-300-100-10 ReLU, Glorot-uniform weights, zero biases, SGD with learning rate
 *       0.01, batch 32 (the book's chapter 10);</li>
 *   <li>{@code cnn}: conv 32 3×3 → max-pool → conv 64 3×3 → max-pool → dense 128 → dense 10, Adam 1e-3,
 *       batch 32.</li>
 * </ul>
 * Training uses images 5,000 to 59,999 and validation images 0 to 4,999. Writes CSV
 * {@code epoch,train_seconds,samples_per_s,val_accuracy}; {@code train_seconds} is wall time without
 * validation. The console summary also gives the training thread's CPU time, which other processes on
 * a shared machine do not inflate.
 *
 * <pre>TrainBenchmark --model mlp --epochs 5 [--threads 1] [--out FILE.csv] [--data-dir DIR] [--train-limit N]
 *                [--seed S] [--train-accuracy true]</pre>
 */
public final class TrainBenchmark {
    /** The CSV header. */
    public static final String HEADER = "epoch,train_seconds,samples_per_s,val_accuracy";

    private TrainBenchmark() {
    }

    /**
     * Parsed command-line options.
     *
     * @param model      {@code mlp} or {@code cnn}
     * @param epochs     epochs to train
     * @param threads    PyTorch intra-op threads
     * @param out        CSV file, or null for none
     * @param dataDir    directory holding Fashion-MNIST, or null for the standard locations
     * @param trainLimit use only the first this many training images (0: all 55,000)
     * @param seed       weight and shuffling seed
     * @param trainAccuracy whether to measure accuracy on the training batches too (off by default: the
     *                   PyTorch reference does not, and the CSV does not report it)
     */
    public record Options(String model, int epochs, int threads, Path out, Path dataDir, int trainLimit, long seed,
                          boolean trainAccuracy) {
        public Options {
            if (!model.equals("mlp") && !model.equals("cnn")) {
                throw new TrainersException("--model must be mlp or cnn, got '" + model + "'");
            }
            if (epochs < 1 || threads < 1 || trainLimit < 0) {
                throw new TrainersException("--epochs and --threads must be at least 1 and --train-limit 0 or more, got "
                        + epochs + ", " + threads + " and " + trainLimit);
            }
        }
    }

    /** Parses {@code --name value} pairs; defaults: mlp, 5 epochs, 1 thread, no CSV, seed 42. */
    public static Options parse(String... args) {
        String model = "mlp";
        int epochs = 5;
        int threads = 1;
        Path out = null;
        Path dataDir = null;
        int trainLimit = 0;
        long seed = 42;
        boolean trainAccuracy = false;
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new TrainersException("option " + name + " needs a value");
            }
            String value = args[i + 1];
            try {
                switch (name) {
                    case "--model" -> model = value.toLowerCase(Locale.ROOT);
                    case "--epochs" -> epochs = Integer.parseInt(value);
                    case "--threads" -> threads = Integer.parseInt(value);
                    case "--out" -> out = Path.of(value);
                    case "--data-dir" -> dataDir = Path.of(value);
                    case "--train-limit" -> trainLimit = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    case "--train-accuracy" -> trainAccuracy = Boolean.parseBoolean(value);
                    default -> throw new TrainersException("unknown option " + name + "; expected --model, --epochs,"
                            + " --threads, --out, --data-dir, --train-limit, --seed or --train-accuracy");
                }
            } catch (NumberFormatException e) {
                throw new TrainersException("option " + name + " needs a number, got '" + value + "'");
            }
        }
        return new Options(model, epochs, threads, out, dataDir, trainLimit, seed, trainAccuracy);
    }

    /**
     * Runs the benchmark, printing progress to {@code console}; returns the metrics of every epoch. Sets
     * PyTorch's intra-op threads to {@code options.threads()} (and, if the engine has not started and no
     * thread properties are set, one inter-op thread).
     */
    public static List<EpochMetrics> run(Options options, PrintWriter console) throws IOException {
        useThreads(options.threads());
        DatasetRepository.Builder repo = DatasetRepository.builder();
        if (options.dataDir() != null) {
            repo.dataDir(options.dataDir());
        }
        DatasetSplits data = repo.build().load(FashionMnist.SPEC);
        if (options.trainLimit() > 0) {
            data = data.limit(options.trainLimit(), data.valid().size(), 0);
        }
        boolean mlp = options.model().equals("mlp");
        Architecture architecture = mlp ? MlpArchitecture.bookBaseline()
                : new CnnArchitecture(List.of(28, 28), 2, 32, 3, PoolingKind.MAX, 128, 0, ActivationKind.RELU,
                        WeightInit.GLOROT, false, 10);
        LearningRateSchedule lr = LearningRateSchedule.constant(mlp ? 0.01 : 0.001);
        OptimizerSpec optimizer = OptimizerSpec.defaults(mlp ? OptimizerKind.SGD : OptimizerKind.ADAM);
        console.printf(Locale.ROOT, "%s on %d training and %d validation images, %d epoch(s), %d thread(s)%n",
                architecture.describe(), data.train().size(), data.valid().size(), options.epochs(), options.threads());
        List<EpochMetrics> epochs = new ArrayList<>();
        TrainingCallback record = new TrainingCallback() {
            @Override
            public void onEpochEnd(EpochMetrics m, TrainingContext context) {
                epochs.add(m);
                console.printf(Locale.ROOT, "epoch %d: %.2f s (CPU %.2f s), %.0f samples/s, loss %.4f, val_accuracy %.4f%n",
                        m.epoch(), m.epochSeconds(), m.cpuSeconds(), m.samplesPerSecond(), m.loss(), m.valAccuracy());
                console.flush();
            }
        };
        fit("bench-" + options.model(), architecture, optimizer, lr,
                FitConfig.of(options.epochs(), 32, options.seed()).withTrainAccuracy(options.trainAccuracy()), data.train(),
                data.valid(), record);
        if (options.out() != null) {
            Files.writeString(options.out(), csv(epochs), StandardCharsets.UTF_8);
        }
        console.println(summary(epochs));
        console.flush();
        return epochs;
    }

    /**
     * Makes DJL's PyTorch use {@code threads} intra-op threads and, if the engine has not started and no
     * thread properties are set, one inter-op thread.
     */
    static void useThreads(int threads) {
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        CpuThreads.setIntraOp(threads);
    }

    /**
     * Trains a new CPU model of {@code architecture} (weights seeded with {@code fit.seed()}) on {@code train},
     * validating on {@code valid}; {@code record} hears every epoch. The model is freed when it ends.
     */
    static void fit(String name, Architecture architecture, OptimizerSpec optimizer, LearningRateSchedule lr, FitConfig fit,
                    DenseDataset train, DenseDataset valid, TrainingCallback record) {
        try (Model model = ModelFiles.newModel(name, Device.cpu())) {
            model.setBlock(Networks.build(architecture, fit.seed()));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, Networks.batchShape(architecture, 1));
            new TrainingLoop(model, architecture, optimizer.build(lr.asTracker()), lr, fit, List.of(record)).fit(train, valid);
        }
    }

    /** The CSV text: {@link #HEADER} and one row per epoch. */
    public static String csv(List<EpochMetrics> epochs) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (EpochMetrics m : epochs) {
            sb.append(String.format(Locale.ROOT, "%d,%.3f,%.0f,%.4f%n",
                    m.epoch(), m.epochSeconds(), m.samplesPerSecond(), m.valAccuracy()));
        }
        return sb.toString();
    }

    static String summary(List<EpochMetrics> epochs) {
        double wall = epochs.stream().mapToDouble(EpochMetrics::epochSeconds).average().orElse(Double.NaN);
        double cpu = epochs.stream().mapToDouble(EpochMetrics::cpuSeconds).average().orElse(Double.NaN);
        double samples = epochs.stream().mapToDouble(EpochMetrics::samplesPerSecond).average().orElse(Double.NaN);
        double best = epochs.stream().mapToDouble(EpochMetrics::valAccuracy).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, "mean %.3f s/epoch wall (%.0f samples/s), %.3f s/epoch CPU; best val_accuracy %.4f",
                wall, samples, cpu, best);
    }

    public static void main(String[] args) throws IOException {
        try {
            run(parse(args), new PrintWriter(System.out, true, StandardCharsets.UTF_8));
        } catch (TrainersException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }
}
