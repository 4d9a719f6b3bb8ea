package io.tunelab.trainers.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.eval.ClassificationReport;
import io.tunelab.trainers.eval.RegressionReport;
import io.tunelab.trainers.tabular.EncoderJson;
import io.tunelab.trainers.tabular.FeatureEncoder;
import io.tunelab.trainers.tabular.TabularDataset;
import io.tunelab.trainers.tabular.Table;
import io.tunelab.trainers.tabular.Task;
import io.tunelab.trainers.predict.InputSchema;
import io.tunelab.trainers.predict.Predictor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.Regressor;

/**
 * A trained Tribuo model together with the {@link FeatureEncoder} its inputs were encoded with, so
 * it predicts from raw {@link Table}s, raw rows, or (as the {@link Predictor} that {@code tunelab serve}
 * uses) rows laid out as its {@link #schema()}. The encoder also travels inside the model, as the
 * run provenance entry {@value #ENCODER_PROVENANCE}, so the model's protobuf file alone is enough to
 * serve it. Immutable, and predictions may run concurrently: Tribuo models are immutable after
 * training, and XGBoost boosters (1.4 and later) predict thread-safely; a test checks this for forests,
 * XGBoost and LIBSVM.
 */
public final class TabularModel implements Predictor {
    /** Key of the model's instance (run) provenance entry holding the encoder JSON. */
    public static final String ENCODER_PROVENANCE = "tunelab.encoder";

    private final FeatureEncoder encoder;
    private final Model<?> model;
    private final Task task;

    /** Pairs a model with its encoder; throws if the model predicts neither labels nor regressors. */
    public TabularModel(FeatureEncoder encoder, Model<?> model) {
        this.encoder = encoder;
        this.model = model;
        if (model.validate(Label.class)) {
            task = Task.CLASSIFICATION;
        } else if (model.validate(Regressor.class)) {
            task = Task.REGRESSION;
        } else {
            throw new TrainersException("model " + model.getName() + " predicts neither class labels nor regression "
                    + "values; tunelab serves only those");
        }
    }

    /** Fits an encoder on {@code train}, then trains {@code trainer} on the encoded rows. */
    public static TabularModel fitClassifier(Trainer<Label> trainer, Table train, boolean standardize, String source) {
        FeatureEncoder encoder = FeatureEncoder.fit(train, standardize);
        TabularDataset data = encoder.encode(train);
        return new TabularModel(encoder, trainer.train(TribuoData.classification(data, source), runProvenance(encoder)));
    }

    /** Fits an encoder on {@code train}, then trains {@code trainer} on the encoded rows. */
    public static TabularModel fitRegressor(Trainer<Regressor> trainer, Table train, boolean standardize, String source) {
        FeatureEncoder encoder = FeatureEncoder.fit(train, standardize);
        TabularDataset data = encoder.encode(train);
        return new TabularModel(encoder, trainer.train(TribuoData.regression(data, train.targetName(), source),
                runProvenance(encoder)));
    }

    private static Map<String, Provenance> runProvenance(FeatureEncoder encoder) {
        return Map.of(ENCODER_PROVENANCE, new StringProvenance(ENCODER_PROVENANCE, EncoderJson.toJson(encoder)));
    }

    public FeatureEncoder encoder() {
        return encoder;
    }

    public Model<?> model() {
        return model;
    }

    public Task task() {
        return task;
    }

    /** Predicted class indices (into {@link FeatureEncoder#classes()}) of every row of {@code table}. */
    public int[] predictClasses(Table table) {
        List<Prediction<Label>> predictions = classifier().predict(TribuoData.unlabelledClassification(encoder.encode(table)));
        int[] out = new int[predictions.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = classIndex(predictions.get(i).getOutput().getLabel());
        }
        return out;
    }

    /** Predicted values of every row of {@code table}. */
    public double[] predictValues(Table table) {
        List<Prediction<Regressor>> predictions = regressor().predict(TribuoData.unlabelledRegression(encoder.encode(table)));
        double[] out = new double[predictions.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = predictions.get(i).getOutput().getValues()[0];
        }
        return out;
    }

    /**
     * Predicts one raw row (column name to value; absent columns are missing): the class name for a
     * classifier, a {@code Double} for a regressor.
     */
    public Object predict(Map<String, ?> row) {
        String[] names = encoder.featureNames().toArray(String[]::new);
        double[] x = encoder.encodeRow(row);
        if (task == Task.CLASSIFICATION) {
            return classifier().predict(new ArrayExample<>(TribuoData.LABELS.getUnknownOutput(), names, x))
                    .getOutput().getLabel();
        }
        return regressor().predict(new ArrayExample<>(TribuoData.REGRESSION.getUnknownOutput(), names, x))
                .getOutput().getValues()[0];
    }

    /**
     * The serving input: {@link FeatureEncoder#inputSchema()}, laid out as its feature names, i.e. raw numbers
     * for numeric columns and 0/1 indicators named {@code column=level} for categorical ones.
     */
    @Override
    public InputSchema schema() {
        return encoder.inputSchema();
    }

    /**
     * Predicts rows laid out as {@link #schema()}: the class name and, for models that produce
     * probabilities, each class's probability; or the predicted value for a regressor.
     */
    @Override
    public List<io.tunelab.trainers.predict.Prediction> predict(float[][] rows) {
        String[] names = encoder.featureNames().toArray(String[]::new);
        List<io.tunelab.trainers.predict.Prediction> out = new ArrayList<>(rows.length);
        if (task == Task.CLASSIFICATION) {
            Model<Label> m = classifier();
            for (float[] row : rows) {
                Prediction<Label> p = m.predict(new ArrayExample<>(TribuoData.LABELS.getUnknownOutput(), names,
                        encoder.encodeLaidOut(row)));
                Map<String, Double> probabilities = new LinkedHashMap<>();
                if (m.generatesProbabilities()) {
                    p.getOutputScores().forEach((label, score) -> probabilities.put(label, score.getScore()));
                }
                out.add(new io.tunelab.trainers.predict.Prediction(p.getOutput().getLabel(), probabilities));
            }
        } else {
            Model<Regressor> m = regressor();
            for (float[] row : rows) {
                Prediction<Regressor> p = m.predict(new ArrayExample<>(TribuoData.REGRESSION.getUnknownOutput(), names,
                        encoder.encodeLaidOut(row)));
                out.add(new io.tunelab.trainers.predict.Prediction(p.getOutput().getValues()[0], Map.of()));
            }
        }
        return out;
    }

    /** The task, the target column and, for a classifier, its classes. */
    @Override
    public io.tunelab.trainers.predict.OutputSchema output() {
        return new io.tunelab.trainers.predict.OutputSchema(task.name().toLowerCase(java.util.Locale.ROOT),
                encoder.targetName(), task == Task.CLASSIFICATION ? encoder.classes() : List.of());
    }

    /** Accuracy (95% interval), confusion matrix and per-class metrics on {@code test}. */
    public ClassificationReport evaluateClassifier(Table test) {
        return ClassificationReport.of(test.labels(), predictClasses(test), encoder.classes());
    }

    /** RMSE (95% interval), MAE and R² on {@code test}. */
    public RegressionReport evaluateRegressor(Table test) {
        return RegressionReport.of(test.targets(), predictValues(test));
    }

    /** The evaluation on {@code test} as a JSON-compatible map, whichever the task. */
    public Map<String, Object> evaluate(Table test) {
        return task == Task.CLASSIFICATION ? evaluateClassifier(test).toMap() : evaluateRegressor(test).toMap();
    }

    private int classIndex(String label) {
        int index = encoder.classes().indexOf(label);
        if (index < 0) {
            throw new TrainersException("model predicted class '" + label + "', which is not among the encoder's classes "
                    + encoder.classes());
        }
        return index;
    }

    @SuppressWarnings("unchecked")
    private Model<Label> classifier() {
        requireTask(Task.CLASSIFICATION);
        return (Model<Label>) model;
    }

    @SuppressWarnings("unchecked")
    private Model<Regressor> regressor() {
        requireTask(Task.REGRESSION);
        return (Model<Regressor>) model;
    }

    private void requireTask(Task wanted) {
        if (task != wanted) {
            throw new TrainersException("model " + model.getName() + " is a " + task.name().toLowerCase(java.util.Locale.ROOT)
                    + " model; it cannot be used for " + wanted.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
