package io.tunelab.cli.wiring;

import io.tunelab.cli.error.CliException;
import io.tunelab.spec.StudySpec;
import io.tunelab.search.study.Objective;
import io.tunelab.trainers.eval.Metric;
import io.tunelab.trainers.tabular.CsvOptions;
import io.tunelab.trainers.tabular.CsvTables;
import io.tunelab.trainers.tabular.Split;
import io.tunelab.trainers.tabular.Splits;
import io.tunelab.trainers.tabular.Synthetic;
import io.tunelab.trainers.tabular.Table;
import io.tunelab.trainers.tabular.Task;
import io.tunelab.trainers.predict.Predictor;
import io.tunelab.trainers.tribuo.TabularModel;
import io.tunelab.trainers.tribuo.TrainerSpecs;
import io.tunelab.trainers.tribuo.TribuoTrainerSpec;
import io.tunelab.trainers.tribuo.TribuoModels;
import io.tunelab.trainers.tribuo.TribuoObjective;
import io.tunelab.trainers.tribuo.Validation;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The {@code tribuo-*} trainers of study files ({@code tribuo-random-forest}, {@code tribuo-xgboost},
 * ...). Data: {@code synthetic-classification} ({@code samples}, {@code classes}, {@code seed}),
 * {@code synthetic-regression} ({@code samples}, {@code seed}) or {@code csv} ({@code path},
 * {@code target}, {@code task}, {@code categorical}); {@code test_split} (default 0.2) is held out
 * for evaluation and promotion; validation is {@code folds}-fold cross-validation (default 3) or a
 * {@code valid_split} hold-out. The study file's space overrides the trainer's default ranges.
 */
public final class TribuoTrainers implements TrainerFactory {
    private static final String PREFIX = "tribuo-";

    @Override
    public boolean handles(String name) {
        return name.startsWith(PREFIX);
    }

    @Override
    public Objective create(StudySpec spec) {
        TribuoTrainerSpec trainer = TrainerSpecs.byName(spec.trainer().name().substring(PREFIX.length()).replace('-', '_'));
        DataOptions data = new DataOptions("data", spec.data().options());
        Table[] split = split(spec);
        long seed = spec.sampler().seed();
        Validation validation = data.has("valid_split")
                ? Validation.holdOut(data.number("valid_split", 0.2), seed)
                : Validation.kFold(data.integer("folds", 3), seed);
        TribuoObjective objective = TribuoObjective.builder(trainer, split[0])
                .test(split[1])
                .validation(validation)
                .metric(metric(spec.metrics().get(0), split[0].task()))
                .build();
        if (spec.directions().size() != 1 || spec.directions().get(0) != objective.direction()) {
            throw new CliException("direction: metric '" + spec.metrics().get(0) + "' must be "
                    + objective.direction().name().toLowerCase(Locale.ROOT) + "d, got " + spec.directions());
        }
        return trial -> {
            spec.space().suggest(trial);
            return objective.evaluate(trial);
        };
    }

    @Override
    public String modelArtifact() {
        return TribuoModels.MODEL_FILE;
    }

    @Override
    public Predictor load(Path artifact) {
        return TribuoModels.load(artifact);
    }

    @Override
    public double[] testScores(StudySpec spec, Path artifact) {
        Table test = split(spec)[1];
        TabularModel model = TribuoModels.load(artifact);
        double[] scores = new double[test.rowCount()];
        if (test.task() == Task.CLASSIFICATION) {
            int[] predicted = model.predictClasses(test);
            int[] truth = test.labels();
            for (int i = 0; i < scores.length; i++) {
                scores[i] = predicted[i] == truth[i] ? 1 : 0;
            }
        } else {
            double[] predicted = model.predictValues(test);
            for (int i = 0; i < scores.length; i++) {
                double e = predicted[i] - test.target(i);
                scores[i] = -e * e;
            }
        }
        return scores;
    }

    /** The training and held-out test tables of the study file's data (seeded by the study seed). */
    static Table[] split(StudySpec spec) {
        DataOptions data = new DataOptions("data", spec.data().options());
        Table all = table(spec.data().dataset(), data);
        Split split = Splits.holdOut(all, data.number("test_split", 0.2), spec.sampler().seed());
        return new Table[] {all.select(split.train()), all.select(split.test())};
    }

    static Table table(String dataset, DataOptions data) {
        switch (dataset) {
            case "synthetic-classification":
                return Synthetic.classification(data.integer("samples", 1000), data.integer("classes", 3),
                        data.integer("seed", 0));
            case "synthetic-regression":
                return Synthetic.regression(data.integer("samples", 1000), data.integer("extra_features", 2),
                        data.number("noise", 1.0), data.integer("seed", 0));
            case "csv": {
                String target = data.required("target");
                Task task = Task.valueOf(data.text("task", "classification").toUpperCase(Locale.ROOT));
                CsvOptions options = task == Task.CLASSIFICATION ? CsvOptions.classification(target)
                        : CsvOptions.regression(target);
                options = options.withCategorical(data.texts("categorical").toArray(String[]::new));
                return CsvTables.read(Path.of(data.required("path")), options);
            }
            default:
                throw new CliException("data.dataset: Tribuo trainers read synthetic-classification, "
                        + "synthetic-regression or csv, got '" + dataset + "'");
        }
    }

    /** {@code val_accuracy}/{@code accuracy} → accuracy, {@code rmse}, {@code mae}, {@code r2}, {@code macro_f1}. */
    static Metric metric(String name, Task task) {
        String n = name.toLowerCase(Locale.ROOT).replaceFirst("^(val_|valid_|validation_)", "");
        switch (n) {
            case "accuracy":
            case "acc":
                return Metric.ACCURACY;
            case "macro_f1":
            case "f1":
                return Metric.MACRO_F1;
            case "rmse":
                return Metric.RMSE;
            case "mae":
                return Metric.MAE;
            case "r2":
                return Metric.R2;
            case "loss":
                return Metric.defaultFor(task);
            default:
                throw new CliException("metric: Tribuo trainers report accuracy, macro_f1, rmse, mae or r2, got '"
                        + name + "'");
        }
    }
}
