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
import io.tunelab.trainers.djl.WeightSnapshot;
import io.tunelab.trainers.djl.optimizer.FlatOptimizer;
import io.tunelab.trainers.djl.optimizer.FlatParameters;
import io.tunelab.trainers.djl.optimizer.ResumableOptimizer;
import io.tunelab.trainers.djl.ThreadGradients;
import io.tunelab.trainers.djl.TrainingState;
import io.tunelab.trainers.schedule.LearningRateSchedule;
import io.tunelab.trainers.tabular.Splits;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>Randomness: the shuffling draws from {@code config.seed()}; before each epoch the engine's random
 * generator (dropout masks) is seeded from the same seed and the epoch number, and the augmentation draws
 * from a generator derived from both, so an epoch's dropout and augmentation do not depend on what ran
 * before it. The engine's generator is process-wide: dropout is reproducible
 * when one run trains at a time in the process.
 *
 * <p>Resuming: with {@link #checkpointEvery} the loop hands a {@link TrainingState} to a sink after every
 * N-th epoch (except the last): epoch, update count, the epochs' metrics, weights (and batch-norm
 * statistics), optimizer state ({@link ResumableOptimizer}), the schedule's state and the
 * {@link io.tunelab.trainers.callback.ResumableCallback}s' state. {@link #resumeFrom} puts such a state
 * back and continues with the next epoch; the data order is recovered by drawing the permutations of the
 * epochs already done, so the resumed run makes the same updates as the uninterrupted one.
 *
 * <p>Updates: when the optimizer is a {@link FlatOptimizer} (every one {@code OptimizerSpec} builds), the
 * constructor binds the model's trainable parameters to views of one buffer ({@link FlatParameters}) and
 * each step updates them all with one set of operations, element for element the same arithmetic as
 * parameter by parameter; a parameter given a new array from outside breaks the binding and steps go back
 * to one update per parameter.
 *
 * <p>Threads: gradients are recorded on the calling thread only ({@link ThreadGradients}), so several
 * loops may train different models in parallel threads. One instance trains one model once, from one
 * thread.
 */
public final class TrainingLoop {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    /** Kinds of per-epoch randomness ({@link #epochRandom}). */
    private static final long DROPOUT = 0;
    private static final long AUGMENTATION = 0x2545F4914F6CDD1DL;
    /** State entries of exact longs: the shuffling seed (a trial's seed uses all 64 bits) and the update count. */
    private static final String SEED = "loop/seed";
    private static final String UPDATES = "loop/updates";
    private final Model model;
    private final Architecture architecture;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final FitConfig config;
    private final Callbacks callbacks;
    private final List<Parameter> trainable = new ArrayList<>();
    private final GradientTap tap = new GradientTap();
    /** The trainable parameters' names in the block (stable across models, unlike their ids): the optimizer's keys. */
    private final List<String> trainableNames = new ArrayList<>();
    /** The trainable parameters as views of one buffer, when the optimizer updates them at once; else null. */
    private final FlatParameters flat;
    private final ParameterGradients gradientArrays;
    private long updates;
    private int checkpointEvery;
    private CheckpointSink sink;
    private TrainingState resume;
    private double targetScale = 1;

    /** Receives the resumable state after an epoch; a failing sink is logged and training goes on. */
    @FunctionalInterface
    public interface CheckpointSink {
        void save(int epoch, TrainingState state);
    }

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
        model.getBlock().getParameters().stream().filter(p -> p.getValue().requiresGradient()).forEach(p -> {
            trainableNames.add(p.getKey());
            trainable.add(p.getValue());
        });
        flat = optimizer instanceof FlatOptimizer ? FlatParameters.bind(trainable) : null;
        gradientArrays = new ParameterGradients(trainable);
    }

    /**
     * Saves the training state into {@code to} after every {@code every}-th epoch but the last.
     *
     * @return this loop
     */
    public TrainingLoop checkpointEvery(int every, CheckpointSink to) {
        if (every < 1) {
            throw new TrainersException("checkpoint_every must be at least 1 epoch, got " + every);
        }
        this.checkpointEvery = every;
        this.sink = to;
        return this;
    }

    /**
     * Reports regression metrics in the targets' original units when the network fits targets standardised by
     * {@code std} ({@link io.tunelab.trainers.sources.Scaling}): val_rmse and val_mae are multiplied by it (val_r2
     * does not change); the losses stay those the network minimises, on the scaled targets.
     *
     * @return this loop
     */
    public TrainingLoop targetScale(double std) {
        if (!(std > 0) || Double.isInfinite(std)) {
            throw new TrainersException("a target scale must be positive and finite, got " + std);
        }
        this.targetScale = std;
        return this;
    }

    /**
     * Makes {@link #fit} continue from {@code state} (written by a loop with the same architecture,
     * optimizer, schedule, callbacks and fit settings) instead of starting at epoch 1.
     *
     * @return this loop
     */
    public TrainingLoop resumeFrom(TrainingState state) {
        this.resume = state;
        return this;
    }

    /** The fit settings a state was written with: seed, batch size and epochs (see {@link #checkpointEvery}). */
    public static FitConfig fitOf(TrainingState state, FitConfig planned) {
        return planned.withSeed(state.longs(SEED)[0]).withBatchSize((int) state.doubles("loop/fit")[0]);
    }

    /** The last epoch a state holds. */
    public static int epochOf(TrainingState state) {
        return (int) state.number("loop/epoch");
    }

    /** The metrics of the epochs a state holds, in order. */
    public static List<EpochMetrics> historyOf(TrainingState state) {
        double[] h = state.doubles("loop/history");
        List<EpochMetrics> epochs = new ArrayList<>();
        for (int i = 0; i + 12 <= h.length; i += 12) {
            epochs.add(new EpochMetrics((int) h[i], h[i + 1], h[i + 2], h[i + 3], h[i + 4], h[i + 5], h[i + 6], h[i + 7],
                    h[i + 8], h[i + 9], h[i + 10], h[i + 11]));
        }
        return epochs;
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
        Throwable failure = null;
        try {
            int first = resume == null ? 1 : restore(resume, history, shuffler, train.size()) + 1;
            callbacks.onTrainBegin(context);
            for (int epoch = first; epoch <= config.epochs() && context.stopReason() == null; epoch++) {
                callbacks.onEpochBegin(epoch, context);
                model.getNDManager().getEngine().setRandomSeed(epochRandom(epoch, DROPOUT).nextInt());
                EpochMetrics metrics = runEpoch(epoch, train, valid, Splits.permutation(train.size(), shuffler), context,
                        epochRandom(epoch, AUGMENTATION));
                history.add(metrics);
                schedule.onEpochEnd(epoch, metrics::get);
                callbacks.onEpochEnd(metrics, context);
                if (checkpointEvery > 0 && epoch % checkpointEvery == 0 && epoch < config.epochs() && context.stopReason() == null) {
                    saveCheckpoint(epoch, history);
                }
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            callbacks.onTrainEnd(new TrainingEnd(history.size(), context.stopReason(), failure), context);
            gradientArrays.close();
            ThreadGradients.setEnabled(wasRecording);
        }
        return new TrainingHistory(history, context.stopReason());
    }

    private void saveCheckpoint(int epoch, List<EpochMetrics> history) {
        try {
            TrainingState state = new TrainingState();
            state.putLongs(SEED, config.seed());
            state.putDoubles("loop/fit", config.batchSize(), config.epochs());
            state.putDoubles("loop/epoch", epoch);
            state.putLongs(UPDATES, updates);
            state.putDoubles("loop/history", history.stream().flatMapToDouble(m -> java.util.stream.DoubleStream.of(
                    m.epoch(), m.loss(), m.accuracy(), m.valLoss(), m.valAccuracy(), m.learningRate(), m.epochSeconds(),
                    m.samplesPerSecond(), m.cpuSeconds(), m.valRmse(), m.valMae(), m.valR2())).toArray());
            WeightSnapshot.of(model.getBlock()).writeTo(state, "weights/");
            resumable().saveState(state);
            state.putDoubles("schedule", schedule.saveState());
            callbacks.saveState(state);
            sink.save(epoch, state);
        } catch (RuntimeException e) {
            LOG.warn("cannot save the resumable checkpoint of epoch {}; training goes on: {}", epoch, e.toString(), e);
        }
    }

    /** Puts {@code state} back; returns its epoch. */
    private int restore(TrainingState state, List<EpochMetrics> history, SplittableRandom shuffler, int trainSize) {
        long seed = state.longs(SEED)[0];
        double[] fit = state.doubles("loop/fit");
        if (seed != config.seed() || (int) fit[0] != config.batchSize() || (int) fit[1] != config.epochs()) {
            throw new TrainersException("cannot resume: the checkpoint was written with seed " + seed + ", batch size "
                    + (int) fit[0] + " and " + (int) fit[1] + " epochs, this run has " + config.seed() + ", "
                    + config.batchSize() + " and " + config.epochs());
        }
        int epoch = epochOf(state);
        WeightSnapshot.readFrom(state, "weights/").restoreInto(model.getBlock());
        resumable().restoreState(state);
        updates = state.longs(UPDATES)[0];
        schedule.restoreState(state.doubles("schedule"));
        callbacks.restoreState(state);
        history.addAll(historyOf(state));
        for (int e = 1; e <= epoch; e++) {
            Splits.permutation(trainSize, shuffler);
        }
        return epoch;
    }

    private ResumableOptimizer resumable() {
        if (optimizer instanceof ResumableOptimizer r) {
            return r;
        }
        throw new TrainersException("optimizer " + optimizer.getClass().getSimpleName() + " cannot save its state;"
                + " resumable checkpoints need one built by OptimizerSpec");
    }

    /**
     * A generator for one epoch's draws of one kind ({@link #DROPOUT}, {@link #AUGMENTATION}), derived from the
     * seed and the epoch number alone, so an epoch draws the same whether the run was resumed before it or not.
     */
    private SplittableRandom epochRandom(int epoch, long kind) {
        return new SplittableRandom(config.seed() + epoch * 0x9E3779B97F4A7C15L + kind);
    }

    private EpochMetrics runEpoch(int epoch, DenseDataset train, DenseDataset valid, int[] order, LoopContext context,
                                  SplittableRandom augmenter) {
        Block block = model.getBlock();
        int batchSize = config.batchSize();
        boolean countCorrect = config.trainAccuracy() && !train.isRegression();
        BatchBuffers buffers = new BatchBuffers(train, batchSize);
        Shape fullBatch = Networks.batchShape(architecture, batchSize);
        double lossSum = 0;
        long correct = 0;
        long start = System.nanoTime();
        long cpuStart = CPU.getCurrentThreadCpuTime();
        for (int from = 0, batchIndex = 1; from < order.length; from += batchSize, batchIndex++) {
            int to = Math.min(order.length, from + batchSize);
            // Everything this batch creates is freed when its manager closes, before the next batch.
            try (NDManager batch = model.getNDManager().newSubManager()) {
                Shape shape = to - from == batchSize ? fullBatch : Networks.batchShape(architecture, to - from);
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
                validation.rmse() * targetScale, validation.mae() * targetScale, validation.r2());
    }

    /**
     * Clips the gradients, lets the optimizer update the parameters (all at once when they are bound to
     * one buffer, else each), then zeroes the gradients.
     */
    private void step() {
        List<NDArray> gradients = gradientArrays.current();
        config.clipping().apply(gradients);
        tap.offer(trainable, gradients);
        boolean fused = flat != null && ((FlatOptimizer) optimizer).updateAll(trainableNames, flat, gradients);
        if (!fused) {
            for (int i = 0; i < trainable.size(); i++) {
                optimizer.update(trainableNames.get(i), trainable.get(i).getArray(), gradients.get(i));
            }
        }
        gradientArrays.zero();
        updates++;
    }

    /** Whether the next step updates all trainable parameters at once (they are still bound to one buffer). */
    boolean updatesAtOnce() {
        return flat != null && flat.intact();
    }

    private double currentRate() {
        return schedule.rate(Math.max(0, updates - 1));
    }
}
