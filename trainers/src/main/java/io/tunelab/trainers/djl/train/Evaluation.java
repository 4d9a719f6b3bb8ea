package io.tunelab.trainers.djl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.djl.Architecture;
import io.tunelab.trainers.djl.Networks;

/**
 * Mean loss and the task's metrics of a model on a dataset, computed in inference mode (dropout off,
 * batch norm on its running statistics), batch by batch, each batch's arrays freed before the next. The
 * caller has switched gradient recording off ({@link io.tunelab.trainers.djl.ThreadGradients#setEnabled}).
 * Every value is NaN for an empty dataset, and the metrics of the other task are NaN.
 *
 * @param loss     mean per-example loss
 * @param accuracy classification: fraction of examples whose largest logit is their label
 * @param rmse     regression: root mean squared error over every target value
 * @param mae      regression: mean absolute error over every target value
 * @param r2       regression: {@code 1 - SS_res / SS_tot} over every target value (0 for constant targets)
 */
public record Evaluation(double loss, double accuracy, double rmse, double mae, double r2) {

    /** What to do with each batch's outputs and labels or targets; {@code from} is the batch's first example. */
    @FunctionalInterface
    interface BatchVisitor {
        void visit(int from, int to, NDArray outputs, NDArray labels);
    }

    /** Evaluates {@code block} on {@code data} with the default loss of its task (cross-entropy or MSE). */
    public static Evaluation of(Block block, Architecture architecture, NDManager parent, DenseDataset data, int batchSize) {
        return of(block, architecture, parent, data, batchSize, data.isRegression() ? LossKind.MSE : LossKind.CROSS_ENTROPY);
    }

    /** Evaluates {@code block} on {@code data}, the loss measured as {@code lossKind}. */
    public static Evaluation of(Block block, Architecture architecture, NDManager parent, DenseDataset data, int batchSize,
                                LossKind lossKind) {
        if (data.size() == 0) {
            return new Evaluation(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        // loss sum, correct, squared errors, absolute errors, target sum, target squares
        double[] sums = new double[6];
        forEachBatch(block, architecture, parent, data, batchSize, (from, to, out, y) -> {
            sums[0] += scalar(lossKind.of(out, y)) * (to - from);
            if (data.isRegression()) {
                NDArray error = out.sub(y);
                sums[2] += scalar(error.square().sum());
                sums[3] += scalar(error.abs().sum());
                sums[4] += scalar(y.sum());
                sums[5] += scalar(y.square().sum());
            } else {
                sums[1] += countCorrect(out, y);
            }
        });
        int n = data.size();
        if (!data.isRegression()) {
            return new Evaluation(sums[0] / n, sums[1] / n, Double.NaN, Double.NaN, Double.NaN);
        }
        double values = (double) n * data.targetWidth();
        double total = sums[5] - sums[4] * sums[4] / values;
        double r2 = total > 0 ? 1 - sums[2] / total : (sums[2] == 0 ? 1 : 0);
        return new Evaluation(sums[0] / n, Double.NaN, Math.sqrt(sums[2] / values), sums[3] / values, r2);
    }

    /** The class {@code block} predicts for each example of {@code data} (its largest logit). */
    public static int[] predict(Block block, Architecture architecture, NDManager parent, DenseDataset data, int batchSize) {
        int[] predicted = new int[data.size()];
        forEachBatch(block, architecture, parent, data, batchSize, (from, to, logits, y) -> {
            long[] classes = logits.argMax(1).toLongArray();
            for (int i = 0; i < classes.length; i++) {
                predicted[from + i] = (int) classes[i];
            }
        });
        return predicted;
    }

    /** The outputs {@code block} gives each example of {@code data}, row after row ({@code outputs} per example). */
    public static float[] predictValues(Block block, Architecture architecture, NDManager parent, DenseDataset data,
                                        int batchSize) {
        int width = architecture.outputs();
        float[] predicted = new float[data.size() * width];
        forEachBatch(block, architecture, parent, data, batchSize, (from, to, out, y) ->
                System.arraycopy(out.toFloatArray(), 0, predicted, from * width, (to - from) * width));
        return predicted;
    }

    private static void forEachBatch(Block block, Architecture architecture, NDManager parent, DenseDataset data,
                                     int batchSize, BatchVisitor visitor) {
        BatchBuffers buffers = new BatchBuffers(data, Math.max(1, Math.min(batchSize, data.size())));
        for (int from = 0; from < data.size(); from += batchSize) {
            int to = Math.min(data.size(), from + batchSize);
            try (NDManager batch = parent.newSubManager()) {
                NDArray x = buffers.features(batch, data, null, from, to, Networks.batchShape(architecture, to - from));
                NDArray y = buffers.labels(batch, data, null, from, to);
                NDArray outputs = block.forward(new ParameterStore(batch, false), new NDList(x), false).singletonOrThrow();
                visitor.visit(from, to, outputs, y);
            }
        }
    }

    /** How many rows of {@code logits} have their largest value at their label. */
    static long countCorrect(NDArray logits, NDArray labels) {
        return logits.argMax(1).eq(labels).sum().toLongArray()[0];
    }

    /** The value of a one-element float array (one host transfer, unlike {@code getFloat()}). */
    static double scalar(NDArray array) {
        return array.toFloatArray()[0];
    }
}
