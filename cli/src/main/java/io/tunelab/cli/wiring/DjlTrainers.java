package io.tunelab.cli.wiring;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.error.ProblemList;
import io.tunelab.search.study.Objective;
import io.tunelab.spec.FitSpec;
import io.tunelab.spec.StudySpec;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.callback.EpochMetrics;
import io.tunelab.trainers.callback.Monitor;
import io.tunelab.trainers.data.FashionMnist;
import io.tunelab.trainers.device.CpuThreads;
import io.tunelab.trainers.djl.DjlPredictor;
import io.tunelab.trainers.djl.train.DjlHyperparameters;
import io.tunelab.trainers.djl.train.DjlObjective;
import io.tunelab.trainers.djl.train.DjlObjectiveConfig;
import io.tunelab.trainers.djl.train.ParamNames;
import io.tunelab.trainers.djl.train.SummaryOptions;
import io.tunelab.trainers.params.Hyperparameters;
import io.tunelab.trainers.predict.ModelFormat;
import io.tunelab.trainers.predict.Predictor;
import io.tunelab.trainers.sources.TrainingData;
import io.tunelab.trainers.tabular.Task;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
            problems.check(() -> DjlDataChecks.checkOptions(spec));
        }
        Hyperparameters catalogue = DjlCatalogue.forTask(DjlCatalogue.catalogue(spec, problems), task);
        Optional<EffectiveConfiguration> configuration = problems.get(() -> EffectiveConfiguration.resolve(
                spec.trainer().name(), catalogue, spec, fixed(spec), Map.of(ParamNames.MODEL, DjlCatalogue.model(spec))));
        problems.check(() -> DjlSpaceChecks.layers(spec));
        problems.check(() -> DjlSpaceChecks.neuronsBesideWidths(spec));
        problems.check(() -> DjlSpaceChecks.piecewiseRates(spec));
        if (DjlData.DATASETS.contains(spec.data().dataset())) {
            problems.check(() -> DjlDataChecks.checkInputs(spec));
            problems.check(() -> DjlDataChecks.checkValues(spec));
        }
        task.ifPresent(t -> {
            problems.check(() -> DjlTaskChecks.loss(spec, t));
            problems.get(() -> DjlTaskChecks.monitor(spec, t))
                    .ifPresent(m -> problems.check(() -> DjlTaskChecks.direction(spec, m)));
            problems.check(() -> stopOn(spec, t));
        });
        problems.throwIfAny();
        return configuration.orElseThrow();
    }

    /** Which copy of Fashion-MNIST trains ({@link DjlImageData#source}); empty for the other data sets, which the file names. */
    @Override
    public Optional<String> dataSource(StudySpec spec) {
        return DjlImageData.source(spec);
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
        return DjlObjectiveConfig.mlp(Map.of(), fixed(spec)).withModel(DjlCatalogue.model(spec))
                .withMonitor(DjlTaskChecks.monitor(spec, task))
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

    /** The metric early stopping watches ({@link DjlTaskChecks#stopOn}), or null when it is the study's own. */
    static Monitor stopOn(StudySpec spec, Task task) {
        return DjlTaskChecks.stopOn(spec, task);
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
