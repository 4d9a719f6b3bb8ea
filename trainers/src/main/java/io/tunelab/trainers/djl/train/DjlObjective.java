package io.tunelab.trainers.djl.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import io.tunelab.search.study.Objective;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialPrunedException;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.callback.BestCheckpoint;
import io.tunelab.trainers.callback.DivergenceDetector;
import io.tunelab.trainers.callback.EarlyStopping;
import io.tunelab.trainers.callback.EpochMetrics;
import io.tunelab.trainers.callback.EvaluationSummaries;
import io.tunelab.trainers.callback.MetricsLogger;
import io.tunelab.trainers.callback.PredictionImages;
import io.tunelab.trainers.callback.PruningCallback;
import io.tunelab.trainers.callback.TrainingCallback;
import io.tunelab.trainers.callback.WeightHistograms;
import io.tunelab.trainers.data.DatasetFingerprint;
import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.djl.Architecture;
import io.tunelab.trainers.djl.ModelFiles;
import io.tunelab.trainers.djl.Networks;
import io.tunelab.trainers.djl.ThreadGradients;
import io.tunelab.trainers.djl.TrainingState;
import io.tunelab.trainers.djl.optimizer.OptimizerSpec;
import io.tunelab.trainers.eval.ClassificationReport;
import io.tunelab.trainers.eval.RegressionReport;
import io.tunelab.trainers.schedule.LearningRateSchedule;
import io.tunelab.trainers.sources.DataCard;
import io.tunelab.trainers.sources.ImageAugmentation;
import io.tunelab.trainers.sources.TrainingData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A search objective that trains a DJL network per trial: reads the trial's hyperparameters
 * ({@link ParamNames}), builds the architecture on the device of the trial's slot, trains epoch by epoch
 * on the training split while validating on the validation split, and returns the monitored metric of
 * the best epoch (or the last, without {@code restoreBest}).
 *
 * <p>During training it logs every epoch's metrics to the trial, reports the monitored metric for
 * pruning (a pruned trial ends by {@link io.tunelab.search.trial.TrialPrunedException}), stops early
 * when {@code patience} is set, fails the trial with a message when the loss diverges, and attaches the
 * best model as artifacts. When the GPU runs out of memory it retries once with half the batch
 * ({@link OutOfMemoryRetry}). User attributes: {@code architecture}, {@code dataset_fingerprint},
 * {@code fixed_params}, {@code device} (slot, DJL device, GPU name and memory, engine build:
 * {@link io.tunelab.trainers.device.SlotDevices#describe}), {@code oom_retry} after a retry,
 * {@code epochs_run}, {@code stop_reason}, {@value #VALUE_EPOCH} (the epoch whose metrics the value is and whose
 * weights are kept: the best one with {@code restoreBest}, else the last), {@code augmentation} when the training images are augmented
 * (seeded with the trial's seed); with {@code checkpointEvery}, resumable checkpoints and, for a
 * retry that continued from one, {@code resumed_from_epoch} and {@code resumed_from_trial}
 * ({@link ResumeCheckpoints}); and, when the data has a
 * test split, {@code test_evaluation}: the final model's accuracy with its 95% t-interval, confusion
 * matrix and per-class precision and recall, or for regression data (real targets) its RMSE with its 95%
 * interval, MAE and R². Regression data trains with the {@code loss} mse (default) or mae, and the
 * network's outputs are the targets (one, or a forecast's horizon); when the card standardises the targets
 * ({@link io.tunelab.trainers.sources.Scaling}) the network fits scaled targets, while val_rmse, val_mae and the
 * test evaluation are reported in the targets' original units (the losses stay on the scaled targets).
 *
 * <p>Opt-in summaries ({@link SummaryOptions}): weight and gradient histograms per layer
 * ({@link WeightHistograms}), grids of sample and worst predictions of an image
 * classifier on the validation split ({@link PredictionImages}), and at the end of a classifier's training its
 * confusion matrix and per-class PR curves on the test split, or the validation split when there is no test
 * split ({@link EvaluationSummaries}).
 *
 * <p>Every trial's native memory (weights, optimizer state, batches) is freed when it ends, however it
 * ends. Thread-safe: parallel trials may share one objective; each trains on its own thread.
 */
public final class DjlObjective implements Objective {
    /** The user attribute holding the epoch (the step its metrics were logged at) the trial's value is from. */
    public static final String VALUE_EPOCH = "value_epoch";

    private final DatasetSplits data;
    private final DataCard card;
    private final ImageAugmentation augmentation;
    private final DjlObjectiveConfig config;
    private volatile Map<String, Object> fingerprint;

    /** Trains on arrays ({@link DataCard#tensors}). */
    public DjlObjective(DatasetSplits data, DjlObjectiveConfig config) {
        this(TrainingData.of(data), config);
    }

    /** Trains on {@code data}'s splits; the best model is saved with its card. */
    public DjlObjective(TrainingData data, DjlObjectiveConfig config) {
        this.data = data.splits();
        this.card = data.card();
        this.augmentation = data.augmentation();
        this.config = config;
        boolean images = card.input() == DataCard.Input.IMAGE || card.input() == DataCard.Input.TENSOR;
        if (config.summaries().images() > 0 && !(images && PredictionImages.isImageClassification(this.data.train()))) {
            throw new TrainersException("fit.summaries.images: " + config.summaries().images() + ", but the data ("
                    + card.input().name().toLowerCase(java.util.Locale.ROOT) + " examples shaped "
                    + Arrays.toString(this.data.train().exampleShape()) + ") are not labelled images; expected an image"
                    + " classification data set, or no images summary");
        }
    }

    @Override
    public double evaluate(Trial trial) {
        TrialParams params = new TrialParams(trial, config.space(), config.fixed());
        boolean regression = data.train().isRegression();
        Architecture architecture = ArchitectureParams.read(params, config.model(), data.train().exampleShape(),
                regression ? data.train().targetWidth() : data.train().numClasses());
        OptimizerSpec optimizerSpec = TrainingParams.optimizer(params);
        FitConfig planned = TrainingParams.fit(params, trial.seed(), regression).withAugmentation(augmentation);
        TrainingState resume = config.checkpointEvery() > 0 ? ResumeCheckpoints.latest(trial).orElse(null) : null;
        FitConfig fit = resume == null ? planned : TrainingLoop.fitOf(resume, planned);
        LearningRateSchedule schedule = schedule(params, fit);
        int patience = params.getInt(ParamNames.PATIENCE);
        double minDelta = params.getDouble(ParamNames.MIN_DELTA);
        Device device = config.devices().deviceFor(trial.slot());
        trial.setUserAttr("architecture", architecture.describe());
        trial.setUserAttr("dataset_fingerprint", datasetFingerprint());
        trial.setUserAttr("fixed_params", params.unsampled());
        trial.setUserAttr("device", config.devices().describe(trial.slot()));
        if (!augmentation.isNone()) {
            trial.setUserAttr("augmentation", Map.of("flip", augmentation.flip(), "crop", augmentation.crop()));
        }
        if (resume != null) {
            ResumeCheckpoints.announce(trial, resume, config.monitor());
        }
        double value;
        try {
            value = OutOfMemoryRetry.run(trial, fit, attempt -> train(trial, architecture, optimizerSpec, attempt,
                    attempt == fit ? schedule : schedule(params, attempt), device, patience, minDelta,
                    attempt == fit ? resume : null));
        } catch (TrialPrunedException pruned) {
            discardCheckpoint(trial);
            throw pruned;
        }
        discardCheckpoint(trial);
        return value;
    }

    /** A trial that completed or was pruned is never resumed: its checkpoint goes (a failed one keeps it). */
    private void discardCheckpoint(Trial trial) {
        if (config.checkpointEvery() > 0) {
            ResumeCheckpoints.discard(trial);
        }
    }

    private LearningRateSchedule schedule(TrialParams params, FitConfig fit) {
        return TrainingParams.schedule(params, fit.epochs(), fit.stepsPerEpoch(data.train().size()));
    }

    /** One training attempt with {@code fit}; the model and its native memory are freed when it ends. */
    private double train(Trial trial, Architecture architecture, OptimizerSpec optimizerSpec, FitConfig fit,
                         LearningRateSchedule schedule, Device device, int patience, double minDelta,
                         TrainingState resume) {
        try (Model model = ModelFiles.newModel("trial-" + trial.number(), device)) {
            model.setBlock(Networks.build(architecture, trial.seed()));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, Networks.batchShape(architecture, 1));
            TrainingLoop loop = new TrainingLoop(model, architecture, optimizerSpec.build(schedule.asTracker()), schedule,
                    fit, callbacks(trial, model, patience > 0 ? patience : fit.epochs(), minDelta));
            if (config.checkpointEvery() > 0) {
                loop.checkpointEvery(config.checkpointEvery(), ResumeCheckpoints.sink(trial));
            }
            if (resume != null) {
                loop.resumeFrom(resume);
            }
            if (card.scaling() != null) {
                loop.targetScale(card.scaling().targetStd());
            }
            TrainingHistory history = loop.fit(data.train(), data.valid());
            trial.setUserAttr("epochs_run", history.epochs().size());
            trial.setUserAttr("stop_reason", history.stopReason() == null ? "completed" : history.stopReason());
            if (data.test().size() >= 2) {
                trial.setUserAttr("test_evaluation", data.train().isRegression() ? regressionReport(model, architecture).toMap()
                        : testReport(model, architecture).toMap());
            }
            EpochMetrics kept = config.restoreBest() ? history.best(config.stopping()) : history.last();
            trial.setUserAttr(VALUE_EPOCH, kept.epoch());
            return config.monitor().value(kept);
        }
    }

    private List<TrainingCallback> callbacks(Trial trial, Model model, int patience, double minDelta) {
        List<TrainingCallback> list = new ArrayList<>();
        // the logger first: it logs the batch or epoch that diverges before the detector throws
        list.add(new MetricsLogger(trial));
        list.add(new DivergenceDetector(config.divergenceFactor()));
        SummaryOptions summaries = config.summaries();
        if (summaries.histograms() > 0) {
            list.add(new WeightHistograms(trial, model.getBlock(), summaries.histograms()));
        }
        if (summaries.images() > 0) {
            list.add(new PredictionImages(trial, data.valid(), classNames(), summaries.images()));
        }
        list.add(new EarlyStopping(config.stopping(), patience, minDelta, config.restoreBest()));
        if (summaries.evaluation() && !data.train().isRegression()) {
            // After early stopping, which restores the best weights at the end.
            boolean test = data.test().size() >= 2;
            list.add(new EvaluationSummaries(trial, test ? data.test() : data.valid(), test ? "test" : "valid", classNames()));
        }
        if (config.checkpoint()) {
            // the model the trial keeps: its best epoch's with restoreBest, else its last epoch's
            list.add((config.restoreBest() ? new BestCheckpoint(trial, config.stopping(), card)
                    : BestCheckpoint.lastEpoch(trial, config.stopping(), card))
                    .namingTrainer("djl-" + config.model().replace('_', '-')));
        }
        list.add(new PruningCallback(trial, config.monitor()));
        return list;
    }

    /** The card's class names, or the class indices when it has none for every class. */
    private List<String> classNames() {
        int k = data.train().numClasses();
        return card.classes().size() == k ? card.classes()
                : java.util.stream.IntStream.range(0, k).mapToObj(Integer::toString).toList();
    }

    /**
     * Accuracy with its 95% t-interval, confusion matrix and per-class metrics on the test split, classes named as in
     * the card (as the saved model, serving and the PR curves name them).
     */
    private ClassificationReport testReport(Model model, Architecture architecture) {
        boolean was = ThreadGradients.setEnabled(false);
        try {
            int[] predicted = Evaluation.predict(model.getBlock(), architecture, model.getNDManager(), data.test(), 1000);
            return ClassificationReport.of(data.test().labels(), predicted, classNames());
        } finally {
            ThreadGradients.setEnabled(was);
        }
    }

    /** RMSE with its 95% interval, MAE and R² on the test split, over every target value. */
    private RegressionReport regressionReport(Model model, Architecture architecture) {
        boolean was = ThreadGradients.setEnabled(false);
        try {
            float[] predicted = Evaluation.predictValues(model.getBlock(), architecture, model.getNDManager(), data.test(), 1000);
            float[] truth = data.test().targets();
            double[] p = new double[predicted.length];
            double[] t = new double[truth.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = card.scaling() == null ? predicted[i] : card.scaling().unscaleTarget(predicted[i]);
                t[i] = card.scaling() == null ? truth[i] : card.scaling().unscaleTarget(truth[i]);
            }
            return RegressionReport.of(t, p);
        } finally {
            ThreadGradients.setEnabled(was);
        }
    }

    private Map<String, Object> datasetFingerprint() {
        Map<String, Object> f = fingerprint;
        if (f == null) {
            f = DatasetFingerprint.of(data.train()).toMap();
            fingerprint = f;
        }
        return f;
    }
}
