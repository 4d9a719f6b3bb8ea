package io.tunelab.cli.wiring;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.error.ProblemList;
import io.tunelab.spec.FitSpec;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.Texts;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.study.Objective;
import io.tunelab.trainers.callback.Monitor;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.callback.EpochMetrics;
import io.tunelab.trainers.data.FashionMnist;
import io.tunelab.trainers.device.CpuThreads;
import io.tunelab.trainers.djl.DjlPredictor;
import io.tunelab.trainers.djl.optimizer.OptimizerKind;
import io.tunelab.trainers.djl.train.LossKind;
import io.tunelab.trainers.djl.train.DjlObjective;
import io.tunelab.trainers.djl.train.DjlHyperparameters;
import io.tunelab.trainers.djl.train.DjlObjectiveConfig;
import io.tunelab.trainers.djl.train.ParamNames;
import io.tunelab.trainers.djl.train.SummaryOptions;
import io.tunelab.trainers.params.Allowed;
import io.tunelab.trainers.params.Hyperparameter;
import io.tunelab.trainers.params.Hyperparameters;
import io.tunelab.trainers.predict.ModelFormat;
import io.tunelab.trainers.predict.Predictor;
import io.tunelab.trainers.sources.TrainingData;
import io.tunelab.trainers.tabular.Task;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code djl-mlp}, {@code djl-wide-deep}, {@code djl-cnn} and {@code djl-rnn} trainers of study
 * files, on the data sets {@link DjlData} reads (Fashion-MNIST, a CSV file, a time series). Regression
 * data trains with MSE (or {@code loss: mae}) and is watched by {@code val_loss} or {@code val_rmse},
 * {@code val_mae}, {@code val_r2} (also written {@code rmse}, {@code mae}, {@code r2}, as the Tribuo
 * trainers name them).
 * The study file's space is suggested first (its conditions decide which parameters exist), then the
 * trainer reads them by their {@link ParamNames}; {@code fit} options become fixed values, and every
 * other parameter takes its default ({@link DjlHyperparameters}). When trials run in parallel on CPU,
 * PyTorch gets one intra-op thread per trial.
 */
public final class DjlTrainers implements TrainerFactory {
    private static final String BEST = "best-0000.params";

    @Override
    public boolean handles(String name) {
        return name.equals("djl-mlp") || name.equals("djl-wide-deep") || name.equals("djl-cnn") || name.equals("djl-rnn");
    }

    /** Every problem the checks find is thrown at once (see {@link ProblemList}). */
    @Override
    public EffectiveConfiguration configuration(StudySpec spec) {
        ProblemList problems = new ProblemList();
        Optional<Task> task = problems.get(() -> DjlData.task(spec));
        if (DjlData.DATASETS.contains(spec.data().dataset())) {
            problems.check(() -> DjlData.checkOptions(spec));
        }
        Hyperparameters catalogue = forTask(catalogue(spec, problems), task);
        Optional<EffectiveConfiguration> configuration = problems.get(() -> EffectiveConfiguration.resolve(
                spec.trainer().name(), catalogue, spec, fixed(spec), Map.of(ParamNames.MODEL, model(spec))));
        problems.check(() -> DjlSpaceChecks.layers(spec));
        problems.check(() -> DjlSpaceChecks.neuronsBesideWidths(spec));
        problems.check(() -> DjlSpaceChecks.piecewiseRates(spec));
        if (DjlData.DATASETS.contains(spec.data().dataset())) {
            problems.check(() -> DjlData.checkInputs(spec));
            problems.check(() -> DjlData.checkValues(spec));
        }
        task.ifPresent(t -> {
            problems.check(() -> loss(spec, t));
            problems.get(() -> monitor(spec, t)).ifPresent(m -> problems.check(() -> direction(spec, m)));
            problems.check(() -> stopOn(spec, t));
        });
        problems.throwIfAny();
        return configuration.orElseThrow();
    }

    /**
     * The catalogue with the default that depends on the task, the loss, as the data's task makes it ({@code cross_entropy}
     * for class labels, {@code mse} for real targets), so the dry run shows the one that applies.
     */
    private static Hyperparameters forTask(Hyperparameters catalogue, Optional<Task> task) {
        if (task.isEmpty()) {
            return catalogue;
        }
        String loss = task.get() == Task.CLASSIFICATION ? "cross_entropy (classification data)" : "mse (regression data)";
        return new Hyperparameters(catalogue.all().stream()
                .map(h -> h.name().equals(ParamNames.LOSS) && h.defaultValue() == null ? h.note(loss) : h).toList());
    }

    private static String model(StudySpec spec) {
        return spec.trainer().name().substring("djl-".length()).replace('-', '_');
    }

    /**
     * The parameters the file's trials read: those of the trainer's family, with the optimizer parameters of the
     * optimizers and the schedule options of the schedules the space can choose ({@link DjlHyperparameters#readBy}),
     * without {@code learning_rate} when a piecewise schedule's values replace it and {@code min_delta} without early
     * stopping, so the dry run lists only settings that act. A space parameter only another family reads
     * ({@code filters} with {@code djl-mlp}), or one no optimizer ({@code momentum} with {@code adam} alone) or no schedule
     * ({@code lr_power} with {@code cosine}) the space can choose reads, would be silently ignored: each is a problem naming
     * the field, recorded in {@code problems}.
     */
    static Hyperparameters catalogue(StudySpec spec, ProblemList problems) {
        String trainer = spec.trainer().name();
        String model = model(spec);
        List<OptimizerKind> optimizers = optimizers(spec);
        for (String name : spec.space().distributions().keySet()) {
            Optional<Hyperparameter> h = DjlHyperparameters.CATALOGUE.find(name);
            if (h.isEmpty()) {
                continue;
            }
            List<String> families = DjlHyperparameters.familiesReading(h.get().name());
            if (!families.contains(model)) {
                problems.add("space." + name + ": " + trainer + " never reads '" + name + "' (only "
                        + String.join(" and ", families.stream().map(f -> "djl-" + f.replace('_', '-')).toList())
                        + (families.size() == 1 ? " reads" : " read") + " it), so it would be ignored; " + trainer + " reads "
                        + String.join(", ", DjlHyperparameters.readBy(model, List.of(OptimizerKind.values())).names()));
                continue;
            }
            List<OptimizerKind> readers = DjlHyperparameters.optimizersReading(h.get().name());
            if (readers.stream().noneMatch(optimizers::contains)) {
                String searched = spec.space().distributions().containsKey(ParamNames.OPTIMIZER) ? "," : " (the default),";
                problems.add("space." + name + ": " + (optimizers.size() == 1 ? "the optimizer, "
                        + optimizers.get(0).wireName() + searched + " never reads" : "none of the optimizers the space can"
                        + " choose (" + names(optimizers) + ") reads") + " '" + name + "', so it would be ignored; only "
                        + names(readers) + (readers.size() == 1 ? " reads" : " read") + " it: give optimizer "
                        + (readers.size() == 1 ? "that one" : "one of them") + ", or leave " + name + " out");
            }
        }
        List<String> schedules = schedules(spec);
        for (String name : spec.space().distributions().keySet()) {
            List<String> readers = DjlHyperparameters.schedulesReading(name);
            if (DjlHyperparameters.CATALOGUE.find(name).isPresent() && readers.stream().noneMatch(schedules::contains)) {
                problems.add("space." + name + ": " + (schedules.size() == 1 ? "the schedule, " + schedules.get(0)
                        + (spec.fit().schedule() == null && !spec.space().distributions().containsKey(ParamNames.LR_SCHEDULE)
                        ? " (the default)," : ",") + " never reads" : "none of the schedules the space can choose ("
                        + String.join(", ", schedules) + ") reads") + " '" + name + "', so it would be ignored; only "
                        + String.join(", ", readers) + (readers.size() == 1 ? " reads" : " read") + " it: give lr_schedule"
                        + " (or fit.schedule) " + (readers.size() == 1 ? "that one" : "one of them") + ", or leave " + name + " out");
            }
        }
        Set<String> unread = unread(spec);
        return new Hyperparameters(DjlHyperparameters.readBy(model, optimizers, schedules).all().stream()
                .filter(h -> !unread.contains(h.name())).toList());
    }

    /** The learning-rate schedules the file's trials can use: its lr_schedule's choices, else fit.schedule's, else the default. */
    private static List<String> schedules(StudySpec spec) {
        Distribution d = spec.space().distributions().get(ParamNames.LR_SCHEDULE);
        Hyperparameter schedule = DjlHyperparameters.CATALOGUE.get(ParamNames.LR_SCHEDULE);
        if (d == null) {
            return List.of(spec.fit().schedule() != null ? spec.fit().schedule().type() : (String) schedule.defaultValue());
        }
        List<String> names = d instanceof CategoricalDistribution c ? c.choices().stream()
                .flatMap(v -> schedule.allowed().admit(v).stream()).map(String.class::cast).distinct().toList() : List.of();
        // a space naming no schedule there is is refused with the other values the trainer cannot read
        return names.isEmpty() ? schedule.allowed() instanceof Allowed.Choices all ? all.names() : List.of() : names;
    }

    /**
     * Parameters of the catalogue no trial of the file reads though the file does not name them: {@code learning_rate}
     * and {@code lr_decay_rate} when a piecewise schedule's values give the rates, {@code min_delta} without early stopping,
     * {@code n_neurons} when the space gives every hidden layer its own width.
     */
    private static Set<String> unread(StudySpec spec) {
        Set<String> unread = new HashSet<>();
        FitSpec.Schedule schedule = spec.fit().schedule();
        if (DjlSpaceChecks.givesPiecewiseValues(schedule) && !spec.space().distributions().containsKey(ParamNames.LR_SCHEDULE)) {
            unread.addAll(List.of(ParamNames.LEARNING_RATE, ParamNames.LR_DECAY_RATE));
        }
        if (spec.fit().earlyStopping() == null && !spec.space().distributions().containsKey(ParamNames.PATIENCE)) {
            unread.add(ParamNames.MIN_DELTA);
        }
        if (DjlSpaceChecks.widthOfEveryLayer(spec)) {
            unread.add(ParamNames.N_NEURONS);
        }
        unread.removeAll(spec.space().distributions().keySet());
        return unread;
    }

    /** The optimizers the space can choose: its optimizer's choices (the ones that name one), else the default. */
    private static List<OptimizerKind> optimizers(StudySpec spec) {
        Distribution d = spec.space().distributions().get(ParamNames.OPTIMIZER);
        if (d == null) {
            return List.of(OptimizerKind.of((String) DjlHyperparameters.CATALOGUE.defaultOf(ParamNames.OPTIMIZER)));
        }
        Hyperparameter optimizer = DjlHyperparameters.CATALOGUE.get(ParamNames.OPTIMIZER);
        List<OptimizerKind> kinds = d instanceof CategoricalDistribution c ? c.choices().stream()
                .flatMap(v -> optimizer.allowed().admit(v).stream()).map(v -> OptimizerKind.of((String) v)).distinct().toList()
                : List.of();
        // a space naming no optimizer there is is refused with the other values the trainer cannot read
        return kinds.isEmpty() ? List.of(OptimizerKind.values()) : kinds;
    }

    private static String names(List<OptimizerKind> kinds) {
        return String.join(", ", kinds.stream().map(OptimizerKind::wireName).toList());
    }

    /** Which copy of Fashion-MNIST trains ({@link DjlData#source}); empty for the other data sets, which the file names. */
    @Override
    public Optional<String> dataSource(StudySpec spec) {
        return DjlData.source(spec);
    }

    @Override
    public Objective create(StudySpec spec) {
        return create(spec, CpuThreads.perTrial(Runtime.getRuntime().availableProcessors(), spec.parallel().workers()));
    }

    /** The objective, with PyTorch's intra-op threads set to {@code cpuThreadsPerTrial}. */
    @Override
    public Objective create(StudySpec spec, int cpuThreadsPerTrial) {
        configuration(spec);
        CpuThreads.setIntraOp(cpuThreadsPerTrial);
        TrainingData data = DjlData.load(spec, true);
        DjlObjectiveConfig config = config(spec, data.card().task());
        DjlObjective objective;
        try {
            objective = new DjlObjective(data, config);
        } catch (TrainersException e) {
            // Summaries the data cannot have (images of a CSV file): the message names the field.
            throw new CliException(e.getMessage());
        }
        return trial -> {
            spec.space().suggest(trial);
            return objective.evaluate(trial);
        };
    }

    /**
     * How the study file's trials train on data of {@code task}: the fixed parameters, the monitored metric, and early
     * stopping's own metric and best-epoch restoring as the {@code fit} section gives them. As Keras's {@code fit()}, a
     * trial keeps (and reports, and checkpoints) its last epoch unless {@code early_stopping.restore_best} is on. The objective suggests no
     * space of its own: {@link #create} suggests the file's space first, as the dry run does, so a parameter whose
     * {@code when} is false is absent from the trial and read at its {@code fit} value or default.
     */
    static DjlObjectiveConfig config(StudySpec spec, Task task) {
        FitSpec.EarlyStopping es = spec.fit().earlyStopping();
        return DjlObjectiveConfig.mlp(Map.of(), fixed(spec)).withModel(model(spec))
                .withMonitor(monitor(spec, task))
                .withStopOn(stopOn(spec, task))
                .withRestoreBest(es != null && es.restoreBest())
                .withSummaries(summaries(spec.fit().summaries()))
                .withCheckpointEvery(spec.fit().checkpointEvery() == null ? 0 : spec.fit().checkpointEvery());
    }

    private static SummaryOptions summaries(FitSpec.Summaries s) {
        return s == null ? SummaryOptions.NONE : new SummaryOptions(s.histograms(), s.images(), s.evaluation());
    }

    /**
     * The epoch metrics of the file's task ({@link EpochMetrics#loggedNames}: a classifier's accuracies, a regressor's
     * val_rmse, val_mae and val_r2) and {@code epochs_run}.
     */
    @Override
    public Optional<Set<String>> reportedNames(StudySpec spec) {
        Set<String> names = new TreeSet<>(EpochMetrics.loggedNames(DjlData.task(spec) == Task.REGRESSION));
        names.add("epochs_run");
        return Optional.of(names);
    }

    @Override
    public String flavor() {
        return ModelFormat.DJL;
    }

    @Override
    public String modelArtifact() {
        return BEST;
    }

    @Override
    public Predictor load(Path artifact) {
        return DjlPredictor.load(artifact, FashionMnist.CLASS_NAMES);
    }

    @Override
    public double[] testScores(StudySpec spec, Predictor model) {
        if (!(model instanceof DjlPredictor network)) {
            throw new TrainersException("a DJL trainer scores the networks it loads, not a " + model.getClass().getSimpleName());
        }
        TrainingData data = DjlData.load(spec, false);
        // brought to the model's own scaling: a model saved before regression targets were scaled scores alike
        return network.testScores(data.splits().test(), data.card().scaling());
    }

    /** The test examples {@link #testScores} scores, as positions in the whole data ({@link DjlData#testRows}). */
    @Override
    public Optional<TestRows> testRows(StudySpec spec) {
        return DjlData.testRows(spec);
    }

    /**
     * The epoch metric the study's (first) metric names, checked against the data's task; the Tribuo
     * trainers' {@code rmse}, {@code mae} and {@code r2} are the validation ones.
     */
    static Monitor monitor(StudySpec spec, Task task) {
        try {
            return monitor("metric", spec.metrics().get(0), task);
        } catch (CliException e) {
            // a CSV's task is classification unless given: a regression metric there usually means data.task was left out
            boolean csvByDefault = spec.data().dataset().equals("csv") && !spec.data().options().containsKey("task");
            if (task == Task.CLASSIFICATION && csvByDefault && e.getMessage().contains("does not fit")) {
                throw new CliException(e.getMessage() + ", or set data.task: regression if the target is a quantity to"
                        + " predict (data.task is classification unless given)");
            }
            throw e;
        }
    }

    /**
     * Refuses a first direction against the one the trainers watch their metric in ({@link Monitor#of}: losses and errors
     * down, accuracies and r2 up, as Keras's {@code mode='auto'}), as the Tribuo trainers refuse theirs; a study file's
     * {@code direction_check: false} does not change what the trainer's own metric means.
     */
    static void direction(StudySpec spec, Monitor monitor) {
        if (spec.directions().get(0) != monitor.direction()) {
            String expected = monitor.direction().name().toLowerCase(Locale.ROOT);
            throw new CliException((spec.directions().size() == 1 ? "direction" : "direction[0]") + ": metric '"
                    + spec.metrics().get(0) + "' is " + expected + "d, got "
                    + spec.directions().get(0).name().toLowerCase(Locale.ROOT) + "; expected " + expected);
        }
    }

    /**
     * Refuses a space whose {@code loss} can choose a loss of the other task ({@code mse} for class labels,
     * {@code cross_entropy} for real targets), which fails every trial that draws it.
     */
    static void loss(StudySpec spec, Task task) {
        if (!(spec.space().distributions().get(ParamNames.LOSS) instanceof CategoricalDistribution c)) {
            return;
        }
        boolean regression = task == Task.REGRESSION;
        List<String> wrong = c.choices().stream().map(String::valueOf).filter(v -> {
            try {
                return LossKind.of(v).isRegression() != regression;
            } catch (TrainersException e) {
                return false; // an unknown loss is refused with the other values the trainer cannot read
            }
        }).toList();
        if (!wrong.isEmpty()) {
            throw new CliException("space.loss: " + String.join(", ", wrong) + (wrong.size() == 1 ? " trains" : " train")
                    + (regression ? " a classifier" : " a regressor") + ", but data '" + spec.data().dataset() + "' is a "
                    + task.name().toLowerCase(Locale.ROOT) + " task, so every trial drawing it would fail; expected "
                    + (regression ? "mse or mae" : "cross_entropy"));
        }
    }

    /**
     * The metric early stopping watches ({@code fit.early_stopping.monitor}, by default the study's metric), checked as
     * the study's metric is, or null when it is the study's own (or there is no early stopping). A monitor the file gives
     * is checked even when it is the metric, so both fields are named in the same pass.
     */
    static Monitor stopOn(StudySpec spec, Task task) {
        FitSpec.EarlyStopping es = spec.fit().earlyStopping();
        if (es == null || es.monitor().equals(spec.metrics().get(0))) {
            if (es != null && es.monitorGiven()) {
                monitor("fit.early_stopping.monitor", es.monitor(), task);
            }
            return null;
        }
        return monitor("fit.early_stopping.monitor", es.monitor(), task);
    }

    private static Monitor monitor(String field, String metric, Task task) {
        String name = List.of("rmse", "mae", "r2").contains(metric) ? "val_" + metric : metric;
        boolean regressionMetric = EpochMetrics.REGRESSION_NAMES.contains(name);
        boolean classificationMetric = name.endsWith("accuracy");
        if (task == Task.REGRESSION && classificationMetric || task == Task.CLASSIFICATION && regressionMetric) {
            throw new CliException(field + ": '" + metric + "' does not fit " + task.name().toLowerCase(Locale.ROOT)
                    + " data; use " + (task == Task.REGRESSION ? "val_loss, val_rmse, val_mae or val_r2" : "val_accuracy or val_loss"));
        }
        List<String> logged = task == Task.REGRESSION
                ? EpochMetrics.NAMES.stream().filter(n -> !EpochMetrics.ACCURACY_NAMES.contains(n)).toList()
                : EpochMetrics.COMMON_NAMES;
        if (!logged.contains(name)) {
            throw new CliException(field + ": the DJL trainers log no metric '" + metric + "' for "
                    + task.name().toLowerCase(Locale.ROOT) + " data; expected one of " + String.join(", ", logged)
                    + Texts.didYouMean(metric, logged));
        }
        try {
            return Monitor.of(name);
        } catch (TrainersException e) {
            throw new CliException(field + ": " + e.getMessage());
        }
    }

    /**
     * The fit section as fixed trainer parameters; {@code early_stopping.patience} 0 is read as Keras reads it, as 1 (stop
     * at the first epoch without improvement), not as the {@code patience} hyperparameter's 0 (no early stopping).
     */
    static Map<String, Object> fixed(StudySpec spec) {
        Map<String, Object> fixed = new LinkedHashMap<>();
        FitSpec fit = spec.fit();
        if (fit.epochs() != null) {
            fixed.put(ParamNames.EPOCHS, fit.epochs());
        }
        if (fit.batchSize() != null) {
            fixed.put(ParamNames.BATCH_SIZE, fit.batchSize());
        }
        if (fit.earlyStopping() != null) {
            // Keras's EarlyStopping stops at the first epoch without improvement for patience 0 as for 1; the
            // hyperparameter's 0 is "off", which an early_stopping section never means
            fixed.put(ParamNames.PATIENCE, Math.max(1, fit.earlyStopping().patience()));
            fixed.put(ParamNames.MIN_DELTA, fit.earlyStopping().minDelta());
        }
        if (fit.schedule() != null) {
            fixed.put(ParamNames.LR_SCHEDULE, fit.schedule().type());
            fixed.putAll(ScheduleOptions.params(fit.schedule(), fit.epochs()));
        }
        return fixed;
    }
}
