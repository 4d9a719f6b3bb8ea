package io.tunelab.trainers.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;
import java.util.SplittableRandom;

/**
 * A DJL {@link Initializer} for weight tensors that draws from a seeded Java generator instead of the
 * engine's process-wide one, so that trials running in parallel threads each get reproducible weights.
 * Weight shapes follow PyTorch: {@code [out, in]} for dense layers, {@code [out, in, kh, kw]} for
 * convolutions. Not thread-safe: one instance initialises one model.
 */
public final class SeededInitializer implements Initializer {
    private final WeightInit scheme;
    private final SplittableRandom random;

    public SeededInitializer(WeightInit scheme, long seed) {
        this.scheme = scheme;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
        long receptive = 1;
        for (int i = 2; i < shape.dimension(); i++) {
            receptive *= shape.get(i);
        }
        long fanOut = shape.get(0) * receptive;
        long fanIn = (shape.dimension() > 1 ? shape.get(1) : 1) * receptive;
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) scheme.draw(random, fanIn, fanOut);
        }
        return manager.create(values, shape).toType(dataType, false);
    }
}
