package io.tunelab.trainers.djl.train;

import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.Trial;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.callback.EpochMetrics;
import io.tunelab.trainers.callback.Monitor;
import io.tunelab.trainers.djl.TrainingState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a DJL trial's resumable checkpoints go and come from (Keras's {@code BackupAndRestore}): the
 * {@link TrainingLoop}'s state is attached to the trial as the artifact {@value #ARTIFACT}, replaced at
 * each save, with the trial's number in it. A trial that retries others (a stale trial's retry, a trial
 * interrupted by Ctrl-C run again) takes the newest readable checkpoint of the trials it retries
 * ({@link Trial#retriedArtifacts}): one that is missing, damaged or not a local file is skipped with a
 * warning. A resumed trial records the user attributes {@value #RESUMED_FROM_EPOCH} and
 * {@value #RESUMED_FROM_TRIAL}, logs a line saying so, and logs again the metrics and reports of the
 * epochs it did not run itself, so that its series has every epoch once. A trial that completes or is pruned
 * {@link #discard discards} its checkpoint; a failed or interrupted one keeps it for its retry. Stateless.
 */
public final class ResumeCheckpoints {
    /** The artifact name of a trial's resumable checkpoint. */
    public static final String ARTIFACT = "resume.ckpt";
    /** User attribute: the epoch the trial continued after. */
    public static final String RESUMED_FROM_EPOCH = "resumed_from_epoch";
    /** User attribute: the number of the trial whose checkpoint it continued from. */
    public static final String RESUMED_FROM_TRIAL = "resumed_from_trial";
    private static final Logger LOG = LoggerFactory.getLogger(ResumeCheckpoints.class);
    private static final String TRIAL = "meta/trial";

    private ResumeCheckpoints() {
    }

    /** A sink that attaches each checkpoint to {@code trial}. */
    public static TrainingLoop.CheckpointSink sink(Trial trial) {
        return (epoch, state) -> {
            state.putDoubles(TRIAL, trial.number());
            Path file = null;
            try {
                file = Files.createTempFile("tunelab-resume-", ".ckpt");
                state.write(file);
                trial.logArtifact(ARTIFACT, file);
                LOG.debug("trial {}: resumable checkpoint saved after epoch {}", trial.number(), epoch);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the resumable checkpoint of epoch " + epoch, e);
            } finally {
                deleteQuietly(file);
            }
        };
    }

    /**
     * Removes {@code trial}'s checkpoint (file and artifact record) once it has completed or been pruned: nothing
     * resumes such a trial, and an epoch-old checkpoint beside its best parameters only misleads. A checkpoint that
     * cannot be removed is logged, not thrown: the trial's result stands.
     */
    public static void discard(Trial trial) {
        try {
            trial.deleteArtifact(ARTIFACT);
        } catch (RuntimeException e) {
            LOG.warn("trial {}: cannot remove its resumable checkpoint: {}", trial.number(), e.getMessage());
        }
    }

    /** The newest readable checkpoint of the trials {@code trial} retries, if any. */
    public static Optional<TrainingState> latest(Trial trial) {
        List<ArtifactRef> refs;
        try {
            refs = trial.retriedArtifacts(ARTIFACT);
        } catch (RuntimeException e) {
            LOG.warn("trial {}: cannot look for the checkpoints of the trials it retries; starting afresh: {}",
                    trial.number(), e.getMessage());
            return Optional.empty();
        }
        for (ArtifactRef ref : refs) {
            try {
                if (!"file".equals(ref.uri().getScheme())) {
                    throw new TrainersException("not a local file: " + ref.uri());
                }
                return Optional.of(TrainingState.read(Path.of(ref.uri())));
            } catch (IOException | RuntimeException e) {
                LOG.warn("trial {}: skipping resumable checkpoint {}: {}", trial.number(), ref.uri(), e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Records and logs where {@code trial} resumes, and logs and reports the epochs it inherits. */
    static void announce(Trial trial, TrainingState state, Monitor monitor) {
        int epoch = TrainingLoop.epochOf(state);
        int from = (int) state.number(TRIAL);
        trial.setUserAttr(RESUMED_FROM_EPOCH, epoch);
        trial.setUserAttr(RESUMED_FROM_TRIAL, from);
        LOG.info("trial {}: resuming after epoch {} from the checkpoint of trial {}", trial.number(), epoch, from);
        for (EpochMetrics m : TrainingLoop.historyOf(state)) {
            trial.log(m.epoch(), m.asMap());
            trial.report(m.epoch(), monitor.value(m));
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debug("cannot delete {}: {}", file, e.toString());
            }
        }
    }
}
