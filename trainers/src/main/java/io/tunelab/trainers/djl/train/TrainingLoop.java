package io.tunelab.trainers.djl.train;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.callback.Callbacks;
import io.tunelab.trainers.callback.EpochMetrics;
import io.tunelab.trainers.callback.TrainingCallback;
import io.tunelab.trainers.callback.TrainingEnd;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.djl.Architecture;
import io.tunelab.trainers.djl.Networks;
import io.tunelab.trainers.djl.Regularization;
import io.tunelab.trainers.djl.ThreadGradients;
import io.tunelab.trainers.schedule.LearningRateSchedule;
import io.tunelab.trainers.tabular.Splits;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Trains a network epoch by epoch with the configured loss (softmax cross-entropy for a classifier, MSE
 * or MAE for a regressor): shuffle, then for each mini-batch forward, backward, clip, step; then
 * validate and tell the callbacks. The architecture's {@link Regularization} adds its penalty to the
 * loss that is differentiated (the reported loss is the data's alone) and constrains the weights after
 * each step. The configuration's {@link io.tunelab.trainers.sources.ImageAugmentation} changes the
 * training batches' images, from a generator of its own derived from the seed; validation is untouched.
 *
 * <p>Memory: every batch's arrays live in a sub-manager of the model's manager that is closed before
 * the next batch, so one epoch's native memory does not grow with its length; parameters, optimizer
 * state and nothing else stay in the model's manager, freed when the caller closes the model.
 *
 * <p>Threads: gradients are recorded on the calling thread only ({@link ThreadGradients}), so several
 * loops may train different models in parallel threads. One instance trains one model once, from one
 * thread.
 */
public final class TrainingLoop {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private final Model model;
    private final Architecture architecture;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final FitConfig config;
    private final Callbacks callbacks;
    private final List<Parameter> trainable = new ArrayList<>();
    private final GradientTap tap = new GradientTap();
    private long updates;

    /**
     * @param model        a model whose block is built from {@code architecture} and initialised
     * @param optimizer    built with {@code schedule} as its learning rate
     * @param callbacks    called in this order; see {@link TrainingCallback} for their failure policy
     */
    public TrainingLoop(Model model, Architecture architecture, Optimizer optimizer, LearningRateSchedule schedule,
                        FitConfig config, List<TrainingCallback> callbacks) {
        this.model = model;
        this.architecture = architecture;
        this.optimizer = optimizer;
        this.schedule = schedule;
        this.config = config;
        this.callbacks = new Callbacks(callbacks);
        model.getBlock().getParameters().values().stream().filter(Parameter::requiresGradient).forEach(trainable::add);
    }

    /**
     * Trains on {@code train}, validating on {@code valid} (which may be empty) after each epoch.
     *
     * @throws io.tunelab.search.trial.TrialPrunedException        when a pruning callback stops the run
     * @throws io.tunelab.trainers.callback.TrainingStoppedException when a callback ends it (divergence)
     * @throws TrainersException when the configured loss is not one of the training data's task
     */
    public TrainingHistory fit(DenseDataset train, DenseDataset valid) {
        if (train.isRegression() != config.loss().isRegression()) {
            throw new TrainersException("loss " + config.loss().wireName() + " does not fit " + train + "; use "
                    + (train.isRegression() ? "mse or mae" : "cross_entropy"));
        }
        config.augmentation().check(train.exampleShape());
        boolean wasRecording = ThreadGradients.setEnabled(false);
        LoopContext context = new LoopContext(model, architecture, config.epochs(), this::currentRate, tap);
        List<EpochMetrics> history = new ArrayList<>();
        SplittableRandom shuffler = new SplittableRandom(config.seed());
        SplittableRandom augmenter = new SplittableRandom(config.seed()).split();
        Throwable failure = null;
        try {
            callbacks.onTrainBegin(context);
            for (int epoch = 1; epoch <= config.epochs() && context.stopReason() == null; epoch++) {
                callbacks.onEpochBegin(epoch, context);
                EpochMetrics metrics = runEpoch(epoch, train, valid, Splits.permutation(train.size(), shuffler), context,
                        augmenter);
                history.add(metrics);
                schedule.onEpochEnd(epoch, metrics::get);
                callbacks.onEpochEnd(metrics, context);
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            callbacks.onTrainEnd(new TrainingEnd(history.size(), context.stopReason(), failure), context);
            ThreadGradients.setEnabled(wasRecording);
        }
        return new TrainingHistory(history, context.stopReason());
    }

    private EpochMetrics runEpoch(int epoch, DenseDataset train, DenseDataset valid, int[] order, LoopContext context,
                                  SplittableRandom augmenter) {
        Block block = model.getBlock();
        int batchSize = config.batchSize();
        boolean countCorrect = config.trainAccuracy() && !train.isRegression();
        BatchBuffers buffers = new BatchBuffers(train, batchSize);
        double lossSum = 0;
        long correct = 0;
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        for (int from = 0, batchIndex = 1; from < order.length; from += batchSize, batchIndex++) {
            int to = Math.min(order.length, from + batchSize);
            // Everything this batch creates is freed when its manager closes, before the next batch.
            try (NDManager batch = model.getNDManager().newSubManager()) {
                Shape shape = Networks.batchShape(architecture, to - from);
                NDArray x = config.augmentation().isNone() ? buffers.features(batch, train, order, from, to, shape)
                        : buffers.augmentedFeatures(batch, train, order, from, to, shape, config.augmentation(), augmenter);
                NDArray y = buffers.labels(batch, train, order, from, to);
                NDArray logits;
                NDArray batchLoss;
                try (ThreadGradients tape = ThreadGradients.record()) {
                    logits = block.forward(new ParameterStore(batch, false), new NDList(x), true).singletonOrThrow();
                    batchLoss = config.loss().of(logits, y);
                    Regularization penalty = architecture.regularization();
                    tape.backward(penalty.penalises() ? penalty.penalised(batchLoss, trainable, batch) : batchLoss);
                }
                step();
                architecture.regularization().constrain(trainable);
                double meanLoss = Evaluation.scalar(batchLoss);
                lossSum += meanLoss * (to - from);
                if (countCorrect) {
                    correct += Evaluation.countCorrect(logits, y);
                }
                callbacks.onBatchEnd(epoch, batchIndex, meanLoss, context);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        Evaluation validation = Evaluation.of(block, architecture, model.getNDManager(), valid, config.evalBatchSize(),
                config.loss());
        double accuracy = countCorrect ? (double) correct / order.length : Double.NaN;
        return new EpochMetrics(epoch, lossSum / order.length, accuracy, validation.loss(),
                validation.accuracy(), currentRate(), seconds, order.length / seconds, cpuSeconds,
                validation.rmse(), validation.mae(), validation.r2());
    }

    /** Clips the gradients, lets the optimizer update each parameter, then zeroes the gradients. */
    private void step() {
        List<NDArray> gradients = new ArrayList<>(trainable.size());
        try {
            for (Parameter p : trainable) {
                gradients.add(p.getArray().getGradient());
            }
            config.clipping().apply(gradients);
            tap.offer(trainable, gradients);
            for (int i = 0; i < trainable.size(); i++) {
                Parameter p = trainable.get(i);
                optimizer.update(p.getId(), p.getArray(), gradients.get(i));
                ThreadGradients.zero(p.getArray());
            }
            updates++;
        } finally {
            // getGradient() returns a new handle on the gradient each time; close it, not the gradient.
            gradients.forEach(NDArray::close);
        }
    }

    private double currentRate() {
        return schedule.rate(Math.max(0, updates - 1));
    }
}
