package io.tunelab.trainers.djl.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import io.tunelab.search.trial.Direction;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.callback.DivergenceDetector;
import io.tunelab.trainers.callback.EarlyStopping;
import io.tunelab.trainers.callback.EpochMetrics;
import io.tunelab.trainers.callback.Monitor;
import io.tunelab.trainers.callback.TrainingCallback;
import io.tunelab.trainers.callback.TrainingContext;
import io.tunelab.trainers.callback.TrainingStoppedException;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.djl.ActivationKind;
import io.tunelab.trainers.djl.MlpArchitecture;
import io.tunelab.trainers.djl.ModelFiles;
import io.tunelab.trainers.djl.Networks;
import io.tunelab.trainers.djl.TrainingState;
import io.tunelab.trainers.djl.WeightInit;
import io.tunelab.trainers.djl.WeightSnapshot;
import io.tunelab.trainers.djl.optimizer.OptimizerKind;
import io.tunelab.trainers.djl.optimizer.OptimizerSpec;
import io.tunelab.trainers.schedule.LearningRateSchedule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped after epoch 4 and resumed from its checkpoint by a new loop (new model drawn from
 * another seed, new optimizer, schedule and callbacks) makes exactly the updates of the uninterrupted
 * run: same metrics to the last bit, same final weights. The network has batch norm and dropout, the
 * optimizer is Adam, the schedule a warmed-up plateau schedule, and early stopping restores the best weights.
 */
@Timeout(120)
class TrainingLoopResumeTest {
    private static final int EPOCHS = 7;
    /** A trial's seed uses all 64 bits; this one is not a double (it came back as another seed once). */
    private static final long SEED = -7225757598625280723L;
    private static final FitConfig FIT = FitConfig.of(EPOCHS, 16, SEED);
    private static final MlpArchitecture ARCH = new MlpArchitecture(List.of(8), List.of(16, 8), ActivationKind.RELU,
            WeightInit.GLOROT, true, 0.3, false, 3);

    @TempDir
    Path dir;

    /** 3 classes of 8 noisy features: 300 training rows, 90 validation rows. */
    private static DenseDataset data(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[rows * 8];
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            y[i] = random.nextInt(3);
            for (int j = 0; j < 8; j++) {
                x[i * 8 + j] = (float) ((j % 3 == y[i] ? 1.0 : 0.0) + random.nextGaussian());
            }
        }
        return new DenseDataset(x, new int[] {8}, y, 3);
    }

    private record Run(List<EpochMetrics> history, WeightSnapshot weights) {
    }

    /** Trains with {@code fit} and checkpoints every 2 epochs into {@code saved}; resumes from {@code from} when not null. */
    private static Run train(long initSeed, List<TrainingCallback> extra, Map<Integer, TrainingState> saved,
                             TrainingState from, FitConfig fit) {
        try (Model model = Model.newInstance("resume", Device.cpu(), ModelFiles.ENGINE)) {
            model.setBlock(Networks.build(ARCH, initSeed));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, Networks.batchShape(ARCH, 1));
            LearningRateSchedule schedule = LearningRateSchedule.warmUp(
                    LearningRateSchedule.reduceOnPlateau(0.01, "val_loss", Direction.MINIMIZE, 0.5, 1, 0, 1e-5), 5);
            List<TrainingCallback> callbacks = new ArrayList<>(List.of(new DivergenceDetector(),
                    new EarlyStopping(Monitor.of("val_accuracy"), 100, 0, true)));
            callbacks.addAll(extra);
            TrainingLoop loop = new TrainingLoop(model, ARCH, OptimizerSpec.defaults(OptimizerKind.ADAM).build(schedule.asTracker()),
                    schedule, fit, callbacks).checkpointEvery(2, saved::put);
            if (from != null) {
                loop.resumeFrom(from);
            }
            List<EpochMetrics> history = new ArrayList<>();
            try {
                history.addAll(loop.fit(data(300, 1), data(90, 2)).epochs());
            } catch (TrainingStoppedException killed) {
                // the simulated crash
            }
            return new Run(history, WeightSnapshot.of(model.getBlock()));
        }
    }

    private static List<List<Double>> learned(List<EpochMetrics> history) {
        return history.stream().map(m -> List.of((double) m.epoch(), m.loss(), m.accuracy(), m.valLoss(), m.valAccuracy(),
                m.learningRate())).toList();
    }

    private static float[] flat(WeightSnapshot w, Path file) throws Exception {
        TrainingState s = new TrainingState();
        w.writeTo(s, "w/");
        List<Float> all = new ArrayList<>();
        s.names("w/").forEach(n -> {
            for (float f : s.floats(n)) {
                all.add(f);
            }
        });
        float[] out = new float[all.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = all.get(i);
        }
        return out;
    }

    @Test
    void aRunResumedFromItsCheckpointEndsExactlyAsTheUninterruptedRun() throws Exception {
        Map<Integer, TrainingState> uninterruptedSaves = new HashMap<>();
        Run uninterrupted = train(7, List.of(), uninterruptedSaves, null, FIT);
        assertThat(uninterruptedSaves).as("every 2nd epoch but the last").containsOnlyKeys(2, 4, 6);

        Map<Integer, TrainingState> crashedSaves = new HashMap<>();
        TrainingCallback crashInEpochFive = new TrainingCallback() {
            @Override
            public void onBatchEnd(int epoch, int batch, double loss, TrainingContext context) {
                if (epoch == 5 && batch == 3) {
                    throw new TrainingStoppedException("killed");
                }
            }
        };
        Run crashed = train(7, List.of(crashInEpochFive), crashedSaves, null, FIT);
        assertThat(crashed.history()).isEmpty();
        assertThat(crashedSaves).containsOnlyKeys(2, 4);

        Path file = dir.resolve("epoch-4.ckpt");
        crashedSaves.get(4).write(file);
        TrainingState fromFile = TrainingState.read(file);
        assertThat(TrainingLoop.epochOf(fromFile)).isEqualTo(4);
        // As DjlObjective resumes a retry: weights drawn from the retry's own seed, then the checkpoint's fit settings.
        Run resumed = train(12345, List.of(), new HashMap<>(), fromFile, TrainingLoop.fitOf(fromFile, FitConfig.of(EPOCHS, 16, 12345)));

        assertThat(learned(resumed.history())).isEqualTo(learned(uninterrupted.history()));
        assertThat(resumed.history()).extracting(EpochMetrics::epoch).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(flat(resumed.weights(), file)).isEqualTo(flat(uninterrupted.weights(), file));
    }

    @Test
    void aCheckpointOfAnotherSeedOrBatchSizeIsRefused() {
        Map<Integer, TrainingState> saves = new HashMap<>();
        train(7, List.of(), saves, null, FIT);
        TrainingState state = saves.get(2);
        state.putLongs("loop/seed", SEED + 1);

        assertThatThrownBy(() -> train(7, List.of(), new HashMap<>(), state, FIT))
                .isInstanceOf(TrainersException.class).hasMessageContaining("cannot resume")
                .hasMessageContaining("seed " + (SEED + 1));
    }
}
