package io.tunelab.trainers.djl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.djl.Architecture;
import io.tunelab.trainers.djl.Networks;
import java.nio.FloatBuffer;

/**
 * Mean loss and accuracy of a model on a dataset, computed in inference mode (dropout off, batch norm
 * on its running statistics), batch by batch, each batch's arrays freed before the next.
 *
 * @param loss     mean per-example loss, NaN for an empty dataset
 * @param accuracy fraction of examples whose largest logit is their label, NaN for an empty dataset
 */
public record Evaluation(double loss, double accuracy) {

    /** Evaluates {@code block} on {@code data}; the caller has switched gradient recording off. */
    public static Evaluation of(Block block, Architecture architecture, NDManager parent, DenseDataset data,
                                int batchSize, Loss lossFunction) {
        if (data.size() == 0) {
            return new Evaluation(Double.NaN, Double.NaN);
        }
        double lossSum = 0;
        long correct = 0;
        for (int from = 0; from < data.size(); from += batchSize) {
            int to = Math.min(data.size(), from + batchSize);
            try (NDManager batch = parent.newSubManager()) {
                NDArray x = batch.create(FloatBuffer.wrap(data.features(), from * data.exampleSize(),
                        (to - from) * data.exampleSize()), Networks.batchShape(architecture, to - from));
                NDArray y = batch.create(labels(data, from, to));
                NDArray logits = block.forward(new ParameterStore(batch, false), new NDList(x), false).singletonOrThrow();
                lossSum += lossFunction.evaluate(new NDList(y), new NDList(logits)).getFloat() * (to - from);
                correct += countCorrect(logits, y);
            }
        }
        return new Evaluation(lossSum / data.size(), (double) correct / data.size());
    }

    static long[] labels(DenseDataset data, int from, int to) {
        long[] y = new long[to - from];
        for (int i = from; i < to; i++) {
            y[i - from] = data.label(i);
        }
        return y;
    }

    static long countCorrect(NDArray logits, NDArray labels) {
        return logits.argMax(1).toType(DataType.INT64, false).eq(labels).countNonzero().getLong();
    }
}
