package io.tunelab.trainers.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.predict.InputSchema;
import io.tunelab.trainers.predict.Prediction;
import io.tunelab.trainers.predict.Predictor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved DJL classifier ({@code NAME-0000.params} beside {@code NAME.architecture.json}) answering
 * predictions: rows of the architecture's input size, softmax probabilities per class. Thread-safe:
 * each call works in its own native memory scope, closed before it returns.
 */
public final class DjlPredictor implements Predictor {
    private final ModelFiles.Loaded loaded;
    private final List<String> classNames;
    private final InputSchema schema;

    private DjlPredictor(ModelFiles.Loaded loaded, List<String> classNames) {
        this.loaded = loaded;
        this.classNames = List.copyOf(classNames);
        this.schema = new InputSchema(loaded.architecture().inputShape(), List.of());
        if (classNames.size() != loaded.architecture().outputs()) {
            throw new TrainersException("the model has " + loaded.architecture().outputs() + " outputs but "
                    + classNames.size() + " class names were given");
        }
    }

    /**
     * Loads the model whose weights file is {@code params} (named {@code NAME-0000.params}), on the CPU.
     *
     * @param classNames the label of each output, in order
     */
    public static DjlPredictor load(Path params, List<String> classNames) {
        String file = params.getFileName().toString();
        if (!file.endsWith("-0000.params")) {
            throw new TrainersException("expected a DJL weights file named NAME-0000.params, got " + file);
        }
        try {
            return new DjlPredictor(ModelFiles.load(params.getParent(), file.substring(0, file.length() - 12),
                    Device.cpu()), classNames);
        } catch (IOException e) {
            throw new TrainersException("cannot load the model " + params + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputSchema schema() {
        return schema;
    }

    @Override
    public List<Prediction> predict(float[][] rows) {
        float[][] probabilities = probabilities(rows);
        List<Prediction> out = new ArrayList<>(rows.length);
        for (float[] p : probabilities) {
            Map<String, Double> byClass = new LinkedHashMap<>();
            int best = 0;
            for (int k = 0; k < p.length; k++) {
                byClass.put(classNames.get(k), (double) p[k]);
                if (p[k] > p[best]) {
                    best = k;
                }
            }
            out.add(new Prediction(classNames.get(best), byClass));
        }
        return out;
    }

    /** The most likely class index of each row. */
    public int[] predictClasses(float[][] rows) {
        float[][] probabilities = probabilities(rows);
        int[] classes = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int best = 0;
            for (int k = 1; k < probabilities[i].length; k++) {
                if (probabilities[i][k] > probabilities[i][best]) {
                    best = k;
                }
            }
            classes[i] = best;
        }
        return classes;
    }

    private float[][] probabilities(float[][] rows) {
        int width = schema.width();
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != width) {
                throw new TrainersException("row " + i + " has " + rows[i].length + " numbers; the model takes " + width);
            }
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        try (NDManager manager = loaded.model().getNDManager().newSubManager()) {
            NDArray x = manager.create(flat, Networks.batchShape(loaded.architecture(), rows.length));
            NDList out = loaded.model().getBlock().forward(new ParameterStore(manager, false), new NDList(x), false);
            float[] p = out.singletonOrThrow().softmax(-1).toFloatArray();
            int k = loaded.architecture().outputs();
            float[][] result = new float[rows.length][k];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(p, i * k, result[i], 0, k);
            }
            return result;
        }
    }

    @Override
    public void close() {
        loaded.close();
    }
}
