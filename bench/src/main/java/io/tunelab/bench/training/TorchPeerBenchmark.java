package io.tunelab.bench.training;

import io.tunelab.trainers.callback.EpochMetrics;
import io.tunelab.trainers.callback.TrainingCallback;
import io.tunelab.trainers.callback.TrainingContext;
import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.device.PyTorchNatives;
import io.tunelab.trainers.djl.Architecture;
import io.tunelab.trainers.djl.optimizer.OptimizerKind;
import io.tunelab.trainers.djl.optimizer.OptimizerSpec;
import io.tunelab.trainers.djl.train.FitConfig;
import io.tunelab.trainers.djl.train.LossKind;
import io.tunelab.trainers.schedule.LearningRateSchedule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Each DJL trainer's epoch time beside the same network trained by PyTorch from Python ({@link TorchPeer})
 * in the same run: same layers, training examples, batch size, optimizer, learning rate and intra-op
 * threads (one inter-op thread on both sides). The cases are {@link PeerCases}. For each case the DJL
 * side trains first, then the peer; the time of an epoch is the wall time of its training steps (no
 * validation), and a side's figure is the mean over the epochs after the first (the first includes
 * one-off start-up work), or the first when only one runs. The ratio DJL / PyTorch is the figure to read
 * on a shared machine: both sides of a case run back to back under about the same load.
 */
public final class TorchPeerBenchmark {
    /** The target: DJL's epoch time at most this many times PyTorch's. */
    public static final double TARGET_RATIO = 1.3;
    /** The CSV header. */
    public static final String HEADER = "case,network,examples,threads,djl_ms_per_epoch,torch_ms_per_epoch,ratio,"
            + "djl_cpu_ms_per_epoch,torch_cpu_ms_per_epoch,cpu_ratio,onednn";

    private TorchPeerBenchmark() {
    }

    /**
     * One compared network.
     *
     * @param name         e.g. {@code gru}
     * @param architecture the network both sides build
     * @param data         training and validation examples (the test split is not used)
     * @param optimizer    adam or sgd
     * @param learningRate constant learning rate
     * @param batchSize    examples per step
     */
    public record Case(String name, Architecture architecture, DatasetSplits data, OptimizerKind optimizer,
                       double learningRate, int batchSize) {
    }

    /**
     * One side's epochs.
     *
     * @param seconds    wall time of each epoch's training steps
     * @param cpuSeconds CPU time of the training thread over the same steps
     */
    public record Epochs(List<Double> seconds, List<Double> cpuSeconds) {
        public double ms() {
            return steadyMean(seconds) * 1000;
        }

        public double cpuMs() {
            return steadyMean(cpuSeconds) * 1000;
        }
    }

    /** One row of the report: DJL's and the peer's epochs, and whether both ran their convolutions on oneDNN. */
    public record Row(Case run, int threads, Epochs djl, Epochs torch, String peer, boolean oneDnn) {
        /** DJL's wall time per epoch over PyTorch's: the figure. */
        public double ratio() {
            return djl.ms() / torch.ms();
        }

        /** The same for the training threads' CPU time, which the load of other processes does not inflate. */
        public double cpuRatio() {
            return djl.cpuMs() / torch.cpuMs();
        }

        public String csv() {
            return String.format(Locale.ROOT, "%s,\"%s\",%d,%d,%.1f,%.1f,%.3f,%.1f,%.1f,%.3f,%s", run.name(),
                    run.architecture().describe(), run.data().train().size(), threads, djl.ms(), torch.ms(), ratio(),
                    djl.cpuMs(), torch.cpuMs(), cpuRatio(), oneDnn ? "on" : "off");
        }
    }

    /** The mean of the epochs after the first, or the first alone. */
    static double steadyMean(List<Double> seconds) {
        List<Double> steady = seconds.size() > 1 ? seconds.subList(1, seconds.size()) : seconds;
        return steady.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /**
     * Trains every case for {@code epochs} epochs on both sides with {@code threads} threads; {@code work}
     * holds the arrays handed to the peer. Prints progress and the table to {@code console}.
     */
    public static List<Row> run(List<Case> cases, int epochs, int threads, long seed, TorchPeer peer, Path work,
                                PrintWriter console) throws IOException {
        TrainBenchmark.useThreads(threads);
        List<Row> rows = new ArrayList<>();
        for (Case c : cases) {
            console.printf(Locale.ROOT, "%s: %s on %d examples, batch %d, %s %.4g, %d epoch(s), %d thread(s)%n", c.name(),
                    c.architecture().describe(), c.data().train().size(), c.batchSize(), c.optimizer().wireName(),
                    c.learningRate(), epochs, threads);
            console.flush();
            Epochs djl = djlEpochs(c, epochs, seed);
            boolean oneDnn = PyTorchNatives.oneDnn().enabled();
            TorchPeer.Run torch = peer.train(c.architecture(), c.data().train(), new TorchPeer.Settings(
                    c.optimizer().wireName(), c.learningRate(), c.batchSize(), epochs, threads, seed, oneDnn), work.resolve(c.name()));
            Row row = new Row(c, threads, djl, new Epochs(torch.epochSeconds(), torch.cpuSeconds()), torch.name(), oneDnn);
            rows.add(row);
            console.printf(Locale.ROOT, "  DJL %s s, %s %s s: %.0f vs %.0f ms/epoch, ratio %.2f (CPU %.2f)%n",
                    seconds(djl.seconds()), torch.name(), seconds(torch.epochSeconds()), djl.ms(), row.torch().ms(), row.ratio(),
                    row.cpuRatio());
            console.flush();
        }
        console.println(table(rows));
        console.flush();
        return rows;
    }

    /** The epoch times of the DJL side. */
    static Epochs djlEpochs(Case c, int epochs, long seed) {
        List<Double> seconds = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        TrainingCallback record = new TrainingCallback() {
            @Override
            public void onEpochEnd(EpochMetrics m, TrainingContext context) {
                seconds.add(m.epochSeconds());
                cpu.add(m.cpuSeconds());
            }
        };
        boolean regression = c.data().train().isRegression();
        FitConfig fit = FitConfig.of(epochs, c.batchSize(), seed).withTrainAccuracy(false)
                .withLoss(regression ? LossKind.MSE : LossKind.CROSS_ENTROPY);
        LearningRateSchedule lr = LearningRateSchedule.constant(c.learningRate());
        DenseDataset valid = c.data().valid();
        TrainBenchmark.fit("peer-" + c.name(), c.architecture(), OptimizerSpec.defaults(c.optimizer()), lr, fit,
                c.data().train(), valid, record);
        return new Epochs(seconds, cpu);
    }

    /** The summary table. */
    static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-12s %8s %12s %12s %7s %9s %7s  (target ratio"
                + " <= %.1f)%n", "case", "examples", "DJL ms/ep", "torch ms/ep", "ratio", "CPU ratio", "oneDNN", TARGET_RATIO));
        for (Row r : rows) {
            out.append(String.format(Locale.ROOT, "%-12s %8d %12.0f %12.0f %7.2f %9.2f %7s%s%n", r.run().name(),
                    r.run().data().train().size(), r.djl().ms(), r.torch().ms(), r.ratio(), r.cpuRatio(), r.oneDnn() ? "on" : "off",
                    r.ratio() <= TARGET_RATIO ? "" : "  over target"));
        }
        return out.toString();
    }

    private static List<String> seconds(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList();
    }
}
