package io.tunelab.cli.wiring;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.error.ProblemList;
import io.tunelab.spec.FitSpec;
import io.tunelab.spec.SpecCatalog;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.Texts;
import io.tunelab.search.study.Objective;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.eval.CrossValidation;
import io.tunelab.trainers.eval.Metric;
import io.tunelab.trainers.tabular.CsvOptions;
import io.tunelab.trainers.tabular.CsvTables;
import io.tunelab.trainers.tabular.Split;
import io.tunelab.trainers.tabular.Splits;
import io.tunelab.trainers.tabular.Synthetic;
import io.tunelab.trainers.tabular.Table;
import io.tunelab.trainers.tabular.Task;
import io.tunelab.trainers.predict.ModelFormat;
import io.tunelab.trainers.predict.Predictor;
import io.tunelab.trainers.tribuo.TabularModel;
import io.tunelab.trainers.tribuo.TrainerSpecs;
import io.tunelab.trainers.tribuo.TribuoTrainerSpec;
import io.tunelab.trainers.tribuo.TribuoModels;
import io.tunelab.trainers.tribuo.TribuoObjective;
import io.tunelab.trainers.tribuo.Validation;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code tribuo-*} trainers of study files ({@code tribuo-random-forest}, {@code tribuo-xgboost},
 * ...). Data: {@code synthetic-classification} ({@code samples}, {@code classes}, {@code seed}),
 * {@code synthetic-regression} ({@code samples}, {@code seed}), or a CSV file named by a {@code dataset}
 * ending in {@code .csv} (or {@code dataset: csv} with {@code path}), with {@code target}, {@code task}
 * and {@code categorical}; {@code test_split} (default 0.2) is held out for evaluation and promotion;
 * validation is {@code folds}-fold cross-validation (default 3) or a {@code valid_split} hold-out.
 * The trainer searches the parameters the study file's space names and reads the others at their
 * defaults, or, with {@code include: defaults}, searches those over its built-in ranges.
 */
public final class TribuoTrainers implements TrainerFactory {
    private static final String PREFIX = "tribuo-";
    static final String SYNTHETIC_CLASSIFICATION = "synthetic-classification";
    static final String SYNTHETIC_REGRESSION = "synthetic-regression";

    @Override
    public boolean handles(String name) {
        return name.startsWith(PREFIX);
    }

    /** Cross-validation reports fold {@code f} as step {@code f}, from 0. */
    @Override
    public int firstStep() {
        return 0;
    }

    /** Every problem the checks find is thrown at once (see {@link ProblemList}). */
    @Override
    public EffectiveConfiguration configuration(StudySpec spec) {
        ProblemList problems = new ProblemList();
        Optional<TribuoTrainerSpec> family = problems.get(() -> family(spec));
        Optional<Task> task = problems.get(() -> task(spec.data().dataset(), new DataOptions("data", spec.data().options())));
        problems.check(() -> TribuoFileChecks.data(spec));
        problems.check(() -> TribuoFileChecks.fit(spec));
        problems.check(() -> TribuoFileChecks.pruner(spec));
        task.ifPresent(t -> problems.check(() -> checkMetric(spec, t)));
        problems.check(() -> TribuoFileChecks.csvHeader(spec));
        Optional<EffectiveConfiguration> configuration = Optional.empty();
        if (family.isPresent() && task.isPresent()) {
            TribuoTrainerSpec trainer = family.get();
            Task t = task.get();
            if (trainer.supports(t)) {
                configuration = problems.get(() -> EffectiveConfiguration.resolve(spec.trainer().name() + " ("
                        + t.name().toLowerCase(Locale.ROOT) + ")", trainer.hyperparameters(t), spec, Map.of(), Map.of()));
                problems.check(() -> TribuoFileChecks.readers(spec, trainer, trainer.hyperparameters(t)));
            } else {
                problems.add("trainer: " + spec.trainer().name() + " only classifies, but data '"
                        + spec.data().dataset() + "' is a " + t.name().toLowerCase(Locale.ROOT) + " task");
            }
        }
        problems.throwIfAny();
        return configuration.orElseThrow();
    }

    /**
     * The study-file catalog whose parser knows the Tribuo trainers' metrics: a metric they never report
     * ({@code val_loss}) is refused with their list before its direction is judged.
     */
    public static SpecCatalog specCatalog() {
        return SpecCatalog.defaults().withMetricCheck((trainer, metric) -> {
            if (!trainer.startsWith(PREFIX)) {
                return Optional.empty();
            }
            try {
                metric(metric, Task.CLASSIFICATION);
                return Optional.empty();
            } catch (CliException e) {
                return Optional.of(e.getMessage().replaceFirst("^metric: ", ""));
            }
        });
    }

    /** Refuses a metric that scores another task than the data's, or a direction against the metric's. */
    private static void checkMetric(StudySpec spec, Task task) {
        Metric metric = metric(spec.metrics().get(0), task);
        if (metric.task() != task) {
            throw new CliException("metric: '" + spec.metrics().get(0) + "' scores " + metric.task().name().toLowerCase(Locale.ROOT)
                    + ", but data '" + spec.data().dataset() + "' is a " + task.name().toLowerCase(Locale.ROOT) + " task"
                    + (spec.data().options().containsKey("task") || !isCsv(spec.data().dataset()) ? "" : " (data.task is"
                    + " classification unless given)") + "; expected " + (task == Task.CLASSIFICATION ? "accuracy or macro_f1"
                    : "rmse, mae or r2") + (isCsv(spec.data().dataset()) ? ", or set data.task: "
                    + metric.task().name().toLowerCase(Locale.ROOT) + " if the target is " + (metric.task() == Task.REGRESSION
                    ? "a quantity to predict" : "a class label") : ""));
        }
        if (spec.directions().get(0) != metric.direction()) {
            String expected = metric.direction().name().toLowerCase(Locale.ROOT);
            throw new CliException((spec.directions().size() == 1 ? "direction" : "direction[0]") + ": metric '"
                    + spec.metrics().get(0) + "' is " + expected + "d, got "
                    + spec.directions().get(0).name().toLowerCase(Locale.ROOT) + "; expected " + expected);
        }
    }

    private static boolean isCsv(String dataset) {
        return dataset.equals("csv") || dataset.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private static TribuoTrainerSpec family(StudySpec spec) {
        String name = spec.trainer().name().substring(PREFIX.length()).replace('-', '_');
        try {
            TribuoTrainerSpec family = TrainerSpecs.byName(name);
            // the file's own parameters keep its distributions and conditions: built-in ranges are for the others
            return spec.space().includesDefaults() ? family.withBuiltInRangesBut(spec.space().distributions().keySet()) : family;
        } catch (TrainersException e) {
            throw new CliException("trainer: " + e.getMessage());
        }
    }

    @Override
    public Objective create(StudySpec spec) {
        configuration(spec);
        TribuoTrainerSpec trainer = family(spec);
        DataOptions data = new DataOptions("data", spec.data().options());
        Table[] split = split(spec);
        long seed = spec.sampler().seed();
        Validation validation = data.has("valid_split")
                ? Validation.holdOut(data.number("valid_split", 0.2), seed)
                : Validation.kFold(data.integer("folds", TribuoFileChecks.FOLDS), seed);
        TribuoObjective objective = TribuoObjective.builder(trainer, split[0])
                .test(split[1])
                .validation(validation)
                .metric(metric(spec.metrics().get(0), split[0].task()))
                .summaries(summaries(spec))
                .build();
        return trial -> {
            spec.space().suggest(trial);
            return objective.evaluate(trial);
        };
    }

    /** Whether the refitted models log their summaries; epoch-wise summaries are DJL's alone. */
    private static boolean summaries(StudySpec spec) {
        FitSpec.Summaries s = spec.fit().summaries();
        if (s == null) {
            return false;
        }
        for (String key : List.of("histograms", "images")) {
            int every = key.equals("images") ? s.images() : s.histograms();
            if (every > 0) {
                throw new CliException("fit.summaries." + key + ": " + every + ", but " + spec.trainer().name()
                        + " trains no epochs; only DJL trainers log " + key + ". Expected 0 or no " + key
                        + " (Tribuo trainers log evaluation: the test confusion matrix and feature importances)");
            }
        }
        return s.evaluation();
    }

    /** Cross-validation's per-fold scores ({@code cv_fold_score}) and their mean and deviation, whatever the trainer. */
    @Override
    public Optional<Set<String>> reportedNames(StudySpec spec) {
        return Optional.of(Set.of(CrossValidation.FOLD_SCORE, "cv_mean", "cv_std"));
    }

    @Override
    public String flavor() {
        return ModelFormat.TRIBUO;
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
    public double[] testScores(StudySpec spec, Predictor loaded) {
        if (!(loaded instanceof TabularModel model)) {
            throw new TrainersException("a Tribuo trainer scores the models it loads, not a " + loaded.getClass().getSimpleName());
        }
        Table test = split(spec)[1];
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

    /** The rows of the whole table its test split ({@link #split}) holds, in order, and the table's fingerprint. */
    @Override
    public Optional<TestRows> testRows(StudySpec spec) {
        DataOptions data = new DataOptions("data", spec.data().options());
        Table all = table(spec.data().dataset(), data);
        return Optional.of(new TestRows(all.fingerprint().toString(), holdOut(all, data, spec).test()));
    }

    /** The training and held-out test tables of the study file's data (seeded by the study seed). */
    static Table[] split(StudySpec spec) {
        DataOptions data = new DataOptions("data", spec.data().options());
        Table all = table(spec.data().dataset(), data);
        Split split = holdOut(all, data, spec);
        return new Table[] {all.select(split.train()), all.select(split.test())};
    }

    private static Split holdOut(Table all, DataOptions data, StudySpec spec) {
        return Splits.holdOut(all, data.number("test_split", 0.2), spec.sampler().seed());
    }

    static Table table(String dataset, DataOptions data) {
        Task task = task(dataset, data);
        if (dataset.equals(SYNTHETIC_CLASSIFICATION)) {
            return Synthetic.classification(data.integer("samples", TribuoFileChecks.ROWS),
                    data.integer("classes", TribuoFileChecks.CLASSES), data.integer("seed", 0));
        }
        if (dataset.equals(SYNTHETIC_REGRESSION)) {
            return Synthetic.regression(data.integer("samples", TribuoFileChecks.ROWS),
                    data.integer("extra_features", TribuoFileChecks.EXTRA_FEATURES), data.number("noise", TribuoFileChecks.NOISE),
                    data.integer("seed", 0));
        }
        String target = data.required("target");
        CsvOptions options = task == Task.CLASSIFICATION ? CsvOptions.classification(target) : CsvOptions.regression(target);
        options = options.withCategorical(data.texts("categorical").toArray(String[]::new))
                .withStrictNumeric(data.has("categorical")).withNotNumericAdvice(CsvFileChecks.NOT_CATEGORICAL);
        try {
            return CsvTables.read(Path.of(dataset.equals("csv") ? data.required("path") : dataset), options);
        } catch (TrainersException e) {
            throw new CliException("data: " + e.getMessage());
        }
    }

    /** The task of the data set, read from the file without loading the data. */
    static Task task(String dataset, DataOptions data) {
        if (dataset.equals(SYNTHETIC_CLASSIFICATION)) {
            return Task.CLASSIFICATION;
        }
        if (dataset.equals(SYNTHETIC_REGRESSION)) {
            return Task.REGRESSION;
        }
        boolean file = dataset.toLowerCase(Locale.ROOT).endsWith(".csv");
        if (!file && !dataset.equals("csv")) {
            throw new CliException("data.dataset: Tribuo trainers read synthetic-classification, synthetic-regression"
                    + " or a CSV file (a path ending in .csv), got '" + dataset + "'"
                    + Texts.didYouMean(dataset, List.of(SYNTHETIC_CLASSIFICATION, SYNTHETIC_REGRESSION)));
        }
        if (file && data.has("path")) {
            throw new CliException("data.path: the CSV file is already named by dataset: " + dataset + "; give it once");
        }
        String task = data.text("task", "classification");
        return switch (task) {
            case "classification" -> Task.CLASSIFICATION;
            case "regression" -> Task.REGRESSION;
            default -> throw new CliException("data.task: expected classification or regression, got '" + task + "'");
        };
    }

    /**
     * {@code val_accuracy}/{@code accuracy} → accuracy, {@code rmse}, {@code mae}, {@code r2}, {@code macro_f1}; any other
     * name, a loss included (Tribuo trainers report none), is refused with the list, whatever the study's direction.
     */
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
            default:
                throw new CliException("metric: Tribuo trainers report accuracy, macro_f1, rmse, mae or r2 (as val_ names"
                        + " too), got '" + name + "'" + (n.equals("loss") ? "; they report no loss: for a classifier use"
                        + " accuracy or macro_f1, for a regressor rmse or mae" : ""));
        }
    }
}
