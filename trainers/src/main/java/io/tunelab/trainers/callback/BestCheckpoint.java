package io.tunelab.trainers.callback;

import io.tunelab.search.trial.Trial;
import io.tunelab.trainers.TempDirs;
import io.tunelab.trainers.djl.DjlPredictor;
import io.tunelab.trainers.djl.ModelFiles;
import io.tunelab.trainers.djl.TrainingState;
import io.tunelab.trainers.predict.ModelFormat;
import io.tunelab.trainers.sources.DataCard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Keeps the model of the best epoch (Keras's {@code ModelCheckpoint(save_best_only=True)}): whenever
 * the monitored metric improves, the model is saved into a private temporary directory, replacing the
 * previous best; when training ends, however it ends, the best model's two files are attached to the
 * trial as artifacts {@code best-0000.params} and {@code best.architecture.json} (and, given a
 * {@link DataCard}, {@code best.data.json}), the epoch is set as
 * user attribute {@code best_checkpoint_epoch}, and the temporary directory is deleted.
 *
 * <p>When the run keeps its last epoch rather than its best (Keras's {@code fit()} without
 * {@code restore_best_weights}), {@link #lastEpoch} saves the model after every epoch instead, so the attached
 * model (and {@code best_checkpoint_epoch}) is the last epoch's, the one the trial's value is from.
 *
 * <p>Resumable: a resumable checkpoint holds the best value, its epoch and the best model's files, which
 * a resumed run writes back into its own temporary directory.
 *
 * <p>A failed save is logged and ignored (see {@link TrainingCallback}); training goes on. Not
 * thread-safe; one instance per training run.
 */
public final class BestCheckpoint implements ResumableCallback {
    static final String NAME = "best";
    private static final String PREFIX = "best_checkpoint/";
    private final Trial trial;
    private final Monitor monitor;
    private final DataCard card;
    private final boolean everyEpoch;
    private String trainer;
    private Path dir;
    private ModelFiles.Saved saved;
    private double best = Double.NaN;
    private int bestEpoch;

    public BestCheckpoint(Trial trial, Monitor monitor) {
        this(trial, monitor, null);
    }

    /** Saves {@code card} (may be null) beside the best model, for serving it on raw inputs. */
    public BestCheckpoint(Trial trial, Monitor monitor, DataCard card) {
        this(trial, monitor, card, false);
    }

    private BestCheckpoint(Trial trial, Monitor monitor, DataCard card, boolean everyEpoch) {
        this.trial = trial;
        this.monitor = monitor;
        this.card = card;
        this.everyEpoch = everyEpoch;
    }

    /** Keeps the model of the last epoch run (saved after every epoch) and {@code card} (may be null) beside it. */
    public static BestCheckpoint lastEpoch(Trial trial, Monitor monitor, DataCard card) {
        return new BestCheckpoint(trial, monitor, card, true);
    }

    /** This checkpoint, naming {@code trainer} ({@code djl-mlp}) in the model's {@link ModelFormat}. */
    public BestCheckpoint namingTrainer(String trainer) {
        this.trainer = trainer;
        return this;
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics, TrainingContext context) {
        double value = monitor.value(metrics);
        if (!everyEpoch && !monitor.improves(value, best, 0)) {
            return;
        }
        try {
            prepareDir();
            saved = context.saveModel(dir, NAME);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the checkpoint of epoch " + metrics.epoch() + " into " + dir, e);
        }
        best = value;
        bestEpoch = metrics.epoch();
    }

    private void prepareDir() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("tunelab-checkpoint-");
            if (card != null) {
                card.write(ModelFiles.dataCardFile(dir, NAME));
            }
        }
    }

    @Override
    public void saveState(TrainingState state) {
        state.putDoubles(PREFIX + "best", best, bestEpoch);
        if (saved != null) {
            try {
                state.putBytes(PREFIX + "params", Files.readAllBytes(saved.params()));
                state.putBytes(PREFIX + "architecture", Files.readAllBytes(saved.architecture()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the best model of epoch " + bestEpoch + " from " + dir, e);
            }
        }
    }

    @Override
    public void restoreState(TrainingState state) {
        double[] b = state.doubles(PREFIX + "best");
        best = b[0];
        bestEpoch = (int) b[1];
        if (!state.has(PREFIX + "params")) {
            return;
        }
        try {
            prepareDir();
            Path params = dir.resolve(NAME + "-0000.params");
            Path architecture = ModelFiles.architectureFile(dir, NAME);
            Files.write(params, state.bytes(PREFIX + "params"));
            Files.write(architecture, state.bytes(PREFIX + "architecture"));
            saved = new ModelFiles.Saved(params, architecture);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the best model of epoch " + bestEpoch + " into " + dir, e);
        }
    }

    /**
     * The {@link ModelFormat} of the saved model: its signature is read from the model loaded with its card; a model
     * saved without a card (its classes unknown here) or that cannot be loaded back is logged without one.
     */
    private ModelFormat format() {
        String file = saved.params().getFileName().toString();
        if (card == null) {
            return new ModelFormat(ModelFormat.DJL, file, Map.of());
        }
        try (DjlPredictor model = DjlPredictor.load(saved.params(), card.classes())) {
            return ModelFormat.of(ModelFormat.DJL, file, model);
        } catch (RuntimeException e) {
            return new ModelFormat(ModelFormat.DJL, file, Map.of());
        }
    }

    @Override
    public void onTrainEnd(TrainingEnd end, TrainingContext context) {
        try {
            if (saved != null) {
                trial.logArtifact(saved.params().getFileName().toString(), saved.params());
                trial.logArtifact(saved.architecture().getFileName().toString(), saved.architecture());
                if (card != null) {
                    Path cardFile = ModelFiles.dataCardFile(dir, NAME);
                    trial.logArtifact(cardFile.getFileName().toString(), cardFile);
                }
                format().withTrainer(trainer).log(trial);
                trial.setUserAttr("best_checkpoint_epoch", bestEpoch);
            }
        } finally {
            TempDirs.deleteQuietly(dir);
        }
    }
}
