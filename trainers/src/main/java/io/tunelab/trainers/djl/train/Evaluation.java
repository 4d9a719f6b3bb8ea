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
 * Mean loss and accuracy of a model on a dataset, computed in inference mode (dropout off, batch norm
 * on its running statistics), batch by batch, each batch's arrays freed before the next. The caller has
 * switched gradient recording off ({@link io.tunelab.trainers.djl.ThreadGradients#setEnabled}).
 *
 * @param loss     mean per-example softmax cross-entropy, NaN for an empty dataset
 * @param accuracy fraction of examples whose largest logit is their label, NaN for an empty dataset
 */
public record Evaluation(double loss, double accuracy) {

    /** What to do with each batch's logits and labels; {@code from} is the batch's first example. */
    @FunctionalInterface
    interface BatchVisitor {
        void visit(int from, int to, NDArray logits, NDArray labels);
    }

    /** Evaluates {@code block} on {@code data}. */
    public static Evaluation of(Block block, Architecture architecture, NDManager parent, DenseDataset data, int batchSize) {
        if (data.size() == 0) {
            return new Evaluation(Double.NaN, Double.NaN);
        }
        double[] lossSum = {0};
        long[] correct = {0};
        forEachBatch(block, architecture, parent, data, batchSize, (from, to, logits, y) -> {
            lossSum[0] += scalar(crossEntropy(logits, y)) * (to - from);
            correct[0] += countCorrect(logits, y);
        });
        return new Evaluation(lossSum[0] / data.size(), (double) correct[0] / data.size());
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

    private static void forEachBatch(Block block, Architecture architecture, NDManager parent, DenseDataset data,
                                     int batchSize, BatchVisitor visitor) {
        BatchBuffers buffers = new BatchBuffers(data.exampleSize(), Math.max(1, Math.min(batchSize, data.size())));
        for (int from = 0; from < data.size(); from += batchSize) {
            int to = Math.min(data.size(), from + batchSize);
            try (NDManager batch = parent.newSubManager()) {
                NDArray x = buffers.features(batch, data, null, from, to, Networks.batchShape(architecture, to - from));
                NDArray y = buffers.labels(batch, data, null, from, to);
                NDArray logits = block.forward(new ParameterStore(batch, false), new NDList(x), false).singletonOrThrow();
                visitor.visit(from, to, logits, y);
            }
        }
    }

    /** Mean softmax cross-entropy of {@code logits} (batch × classes) against int64 {@code labels}. */
    static NDArray crossEntropy(NDArray logits, NDArray labels) {
        return logits.logSoftmax(1).gather(labels.expandDims(1), 1).mean().neg();
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
