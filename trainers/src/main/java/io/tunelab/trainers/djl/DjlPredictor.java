package io.tunelab.trainers.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.predict.InputSchema;
import io.tunelab.trainers.predict.OutputSchema;
import io.tunelab.trainers.predict.Prediction;
import io.tunelab.trainers.predict.Predictor;
import io.tunelab.trainers.predict.SeriesLayout;
import io.tunelab.trainers.sources.DataCard;
import io.tunelab.trainers.sources.Scaling;
import io.tunelab.trainers.tabular.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved DJL network ({@code NAME-0000.params} beside {@code NAME.architecture.json} and, when it was
 * trained with one, its {@link DataCard} {@code NAME.data.json}) answering predictions. A classifier
 * answers its most likely class with softmax probabilities per class; a regressor its output, a number
 * (or a list of numbers for a forecast's horizon). Rows are laid out as {@link #schema()}: the
 * architecture's input shape (for a model of an image folder an {@link InputSchema#image image} schema),
 * or for a model of CSV data the encoder's named features (raw numbers, 0/1 level indicators, {@code NaN}
 * for a missing value), encoded here exactly as in training. When the card holds a {@link Scaling}, a series
 * window's values are standardised as in training and a regressor's outputs are un-scaled to the targets'
 * original units. Thread-safe: each call works in its own
 * native memory scope, closed before it returns.
 */
public final class DjlPredictor implements Predictor {
    private final ModelFiles.Loaded loaded;
    private final DataCard card;
    private final InputSchema schema;

    private DjlPredictor(ModelFiles.Loaded loaded, DataCard card) {
        this.loaded = loaded;
        this.card = card;
        List<Integer> shape = loaded.architecture().inputShape();
        this.schema = card.encoder() != null ? card.encoder().inputSchema()
                : card.input() == DataCard.Input.IMAGE && shape.size() == 3
                ? InputSchema.image(shape.get(0), shape.get(1), shape.get(2)).withRange(card.range())
                : new InputSchema(shape, List.of()).withRange(card.range()).withSeries(seriesOf(card, shape));
        if (card.task() == Task.CLASSIFICATION && card.classes().size() != loaded.architecture().outputs()) {
            throw new TrainersException("the model has " + loaded.architecture().outputs() + " outputs but "
                    + card.classes().size() + " class names were given");
        }
    }

    /**
     * Loads the model whose weights file is {@code params} (named {@code NAME-0000.params}), on the CPU,
     * with the data card saved beside it, or else as a classifier of arrays whose outputs are
     * {@code classNames}.
     *
     * @param classNames the label of each output, in order, for a model saved without a data card
     */
    public static DjlPredictor load(Path params, List<String> classNames) {
        String name = modelName(params);
        Path cardFile = ModelFiles.dataCardFile(params.getParent(), name);
        DataCard card = Files.isRegularFile(cardFile) ? DataCard.read(cardFile)
                : DataCard.classes(classNames, DataCard.Input.TENSOR);
        try {
            return new DjlPredictor(ModelFiles.load(params.getParent(), name, Device.cpu()), card);
        } catch (IOException e) {
            throw new TrainersException("cannot load the model " + params + ": " + e.getMessage(), e);
        }
    }

    /** The card's series layout when it fits the architecture's window of {@code [n_steps, columns]}, else null. */
    private static SeriesLayout seriesOf(DataCard card, List<Integer> shape) {
        SeriesLayout s = card.series();
        return s != null && shape.size() == 2 && shape.get(1) == s.columns().size() ? s : null;
    }

    private static String modelName(Path params) {
        String file = params.getFileName().toString();
        if (!file.endsWith("-0000.params")) {
            throw new TrainersException("expected a DJL weights file named NAME-0000.params, got " + file);
        }
        return file.substring(0, file.length() - 12);
    }

    /** The data card the model was loaded with. */
    public DataCard card() {
        return card;
    }

    /** The architecture the model was built from. */
    public Architecture architecture() {
        return loaded.architecture();
    }

    @Override
    public InputSchema schema() {
        return schema;
    }

    /**
     * The card's task ({@code forecasting} for a regressor of series windows), target and classes; a model saved without a
     * card names no target.
     */
    @Override
    public OutputSchema output() {
        String task = card.forecasts() ? "forecasting" : card.task().name().toLowerCase(java.util.Locale.ROOT);
        return new OutputSchema(task, card.target(), card.classes(),
                card.task() == Task.REGRESSION ? loaded.architecture().outputs() : 1);
    }

    @Override
    public List<Prediction> predict(float[][] rows) {
        if (card.task() == Task.REGRESSION) {
            List<Prediction> out = new ArrayList<>(rows.length);
            for (float[] v : outputs(rows, false)) {
                out.add(new Prediction(value(unscaled(v)), Map.of()));
            }
            return out;
        }
        float[][] probabilities = probabilities(rows);
        List<Prediction> out = new ArrayList<>(rows.length);
        for (float[] p : probabilities) {
            Map<String, Double> byClass = new LinkedHashMap<>();
            int best = 0;
            for (int k = 0; k < p.length; k++) {
                byClass.put(card.classes().get(k), (double) p[k]);
                if (p[k] > p[best]) {
                    best = k;
                }
            }
            out.add(new Prediction(card.classes().get(best), byClass));
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

    @Override
    public boolean samples() {
        return true;
    }

    /**
     * Monte Carlo dropout (Gal and Ghahramani 2016): the mean and standard deviation of {@code samples}
     * passes with dropout on (batch norm on its running statistics); a classifier's mean probabilities
     * and their spreads, a regressor's mean values and theirs. A network without dropout gives a spread
     * of zero.
     */
    @Override
    public List<Prediction> predict(float[][] rows, int samples) {
        if (samples <= 1) {
            return predict(rows);
        }
        boolean classifier = card.task() == Task.CLASSIFICATION;
        int k = loaded.architecture().outputs();
        double[][] sum = new double[rows.length][k];
        double[][] squares = new double[rows.length][k];
        for (int s = 0; s < samples; s++) {
            float[][] out = outputs(rows, classifier, true);
            for (int i = 0; i < rows.length; i++) {
                for (int c = 0; c < k; c++) {
                    sum[i][c] += out[i][c];
                    squares[i][c] += (double) out[i][c] * out[i][c];
                }
            }
        }
        List<Prediction> predictions = new ArrayList<>(rows.length);
        for (int i = 0; i < rows.length; i++) {
            float[] mean = new float[k];
            float[] std = new float[k];
            for (int c = 0; c < k; c++) {
                double m = sum[i][c] / samples;
                mean[c] = (float) m;
                std[c] = (float) Math.sqrt(Math.max(0, squares[i][c] / samples - m * m));
            }
            if (!classifier) {
                double stdScale = card.scaling() == null ? 1 : card.scaling().targetStd();
                for (int c = 0; c < k; c++) {
                    std[c] = (float) (std[c] * stdScale);
                }
                predictions.add(new Prediction(value(unscaled(mean)), Map.of(), value(std)));
                continue;
            }
            Map<String, Double> probabilities = new LinkedHashMap<>();
            Map<String, Double> spread = new LinkedHashMap<>();
            int best = 0;
            for (int c = 0; c < k; c++) {
                probabilities.put(card.classes().get(c), (double) mean[c]);
                spread.put(card.classes().get(c), (double) std[c]);
                best = mean[c] > mean[best] ? c : best;
            }
            predictions.add(new Prediction(card.classes().get(best), probabilities, spread));
        }
        return predictions;
    }

    /** A regressor's outputs in the targets' original units (un-scaled by the card's {@link Scaling}), in place. */
    private float[] unscaled(float[] v) {
        if (card.scaling() != null) {
            for (int c = 0; c < v.length; c++) {
                v[c] = (float) card.scaling().unscaleTarget(v[c]);
            }
        }
        return v;
    }

    /** A regressor's outputs of one row: a number, or the list of a horizon's numbers. */
    private static Object value(float[] v) {
        if (v.length == 1) {
            return (double) v[0];
        }
        List<Double> values = new ArrayList<>(v.length);
        for (float f : v) {
            values.add((double) f);
        }
        return values;
    }

    private float[][] probabilities(float[][] rows) {
        return outputs(rows, true);
    }

    /**
     * Per-example scores on {@code data}, examples prepared as in training (already encoded): 1 for the
     * right class and 0 for a wrong one, or minus the squared error summed over a regressor's outputs, in the targets'
     * original units (the data's targets scaled as in training, by the card's {@link Scaling}).
     */
    public double[] testScores(DenseDataset data) {
        double[] scores = new double[data.size()];
        int k = loaded.architecture().outputs();
        for (int from = 0; from < data.size(); from += 1000) {
            int to = Math.min(data.size(), from + 1000);
            float[] flat = java.util.Arrays.copyOfRange(data.features(), from * data.exampleSize(), to * data.exampleSize());
            float[][] out = forward(flat, to - from, card.task() == Task.CLASSIFICATION);
            for (int i = from; i < to; i++) {
                float[] o = out[i - from];
                if (card.task() == Task.CLASSIFICATION) {
                    int best = 0;
                    for (int c = 1; c < k; c++) {
                        best = o[c] > o[best] ? c : best;
                    }
                    scores[i] = best == data.label(i) ? 1 : 0;
                } else {
                    double scale = card.scaling() == null ? 1 : card.scaling().targetStd();
                    for (int c = 0; c < k; c++) {
                        double e = (o[c] - data.targets()[i * k + c]) * scale;
                        scores[i] -= e * e;
                    }
                }
            }
        }
        return scores;
    }

    /**
     * {@link #testScores(DenseDataset)} of regression examples prepared with {@code dataScaling} (the card of the data
     * they were loaded with; null: values as they are), first brought to this model's own scaling: a model saved
     * before its data were scaled, or with another scaling, is scored on the same examples in the same units.
     */
    public double[] testScores(DenseDataset data, Scaling dataScaling) {
        if (!data.isRegression() || java.util.Objects.equals(dataScaling, card.scaling())) {
            return testScores(data);
        }
        float[] x = data.features().clone();
        float[] y = data.targets().clone();
        if (dataScaling != null) {
            dataScaling.unscaleInputs(x);
            dataScaling.unscaleTargets(y);
        }
        if (card.scaling() != null) {
            card.scaling().scaleInputs(x);
            card.scaling().scaleTargets(y);
        }
        return testScores(DenseDataset.regression(x, data.exampleShape(), y, data.targetWidth()));
    }

    /** The network's outputs for {@code rows}, softmax-normalised when {@code softmax}. */
    private float[][] outputs(float[][] rows, boolean softmax) {
        return outputs(rows, softmax, false);
    }

    private float[][] outputs(float[][] rows, boolean softmax, boolean monteCarlo) {
        int width = schema.width();
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != width) {
                throw new TrainersException("row " + i + " has " + rows[i].length + " numbers; the model takes " + width);
            }
            if (card.encoder() != null) {
                double[] encoded = card.encoder().encodeLaidOut(rows[i]);
                for (int k = 0; k < width; k++) {
                    flat[i * width + k] = (float) encoded[k];
                }
            } else {
                System.arraycopy(rows[i], 0, flat, i * width, width);
            }
        }
        if (card.scaling() != null) {
            // a series window's columns standardised as in training (CSV features were encoded above)
            card.scaling().scaleInputs(flat);
        }
        return forward(flat, rows.length, softmax, monteCarlo);
    }

    private float[][] forward(float[] flat, int rows, boolean softmax) {
        return forward(flat, rows, softmax, false);
    }

    /** Outputs of a pass in inference mode; with {@code monteCarlo} its dropout layers drop ({@link StochasticDropout}). */
    private float[][] forward(float[] flat, int rows, boolean softmax, boolean monteCarlo) {
        try (NDManager manager = loaded.model().getNDManager().newSubManager()) {
            NDArray x = manager.create(flat, Networks.batchShape(loaded.architecture(), rows));
            boolean was = StochasticDropout.setMonteCarlo(monteCarlo);
            NDArray out;
            try {
                out = loaded.model().getBlock().forward(new ParameterStore(manager, false), new NDList(x), false)
                        .singletonOrThrow();
            } finally {
                StochasticDropout.setMonteCarlo(was);
            }
            float[] p = (softmax ? out.softmax(-1) : out).toFloatArray();
            int k = loaded.architecture().outputs();
            float[][] result = new float[rows][k];
            for (int i = 0; i < rows; i++) {
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
