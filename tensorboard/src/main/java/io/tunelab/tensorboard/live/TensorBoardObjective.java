package io.tunelab.tensorboard.live;

import io.tunelab.search.study.Objective;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialPrunedException;
import io.tunelab.tensorboard.export.RunNames;
import io.tunelab.tensorboard.export.RunWriter;
import io.tunelab.tensorboard.export.StudyExporter;
import io.tunelab.tensorboard.proto.SessionStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * An objective that writes its trials live into a TensorBoard logdir ({@code fit: {tensorboard_dir: DIR}}):
 * each trial's scalars go to {@code DIR/STUDY/trial-NNNN} ({@link RunNames#studyFolder}) as they are logged, in the
 * layout Keras's TensorBoard callback writes and {@code export tensorboard} writes too ({@link RunWriter}:
 * {@code train/epoch_loss}, {@code validation/epoch_loss}, from step 0), so that studies sharing one logdir, as Keras
 * users keep one logs root with a folder per run, never write into each other's runs and
 * {@code tensorboard --logdir DIR} shows them apart. Its HParams session starts with its first value
 * ({@link TensorBoardTrial}) and ends with success, failure or, for a pruned trial, unknown, after its objective
 * value as {@value StudyExporter#OBJECTIVE_TAG} (described with the study's direction) at its last step: a run whose
 * session has not ended is running. Whatever a failing trial logged (a diverged one's curve up to its NaN) is
 * written before its session ends. TensorBoard's HParams tab builds the experiment from the sessions.
 */
public final class TensorBoardObjective implements Objective {
    private static final Duration FLUSH_EVERY = Duration.ofSeconds(2);

    private final Objective objective;
    private final Path logdir;
    private final Direction direction;
    private final Clock clock;

    /**
     * Wraps {@code objective} of study {@code study}, whose values are better in {@code direction}, writing its runs
     * under {@code logdir/study}.
     */
    public TensorBoardObjective(Objective objective, Path logdir, String study, Direction direction, Clock clock) {
        this.objective = objective;
        this.logdir = logdir.resolve(RunNames.studyFolder(study));
        this.direction = direction;
        this.clock = clock;
    }

    @Override
    public double evaluate(Trial trial) throws Exception {
        Instant start = clock.instant();
        try (RunWriter writer = new RunWriter(logdir.resolve(RunNames.of(trial.number())), start)) {
            SessionStatus status = SessionStatus.STATUS_FAILURE;
            TensorBoardTrial live = new TensorBoardTrial(trial, writer, clock, FLUSH_EVERY);
            try {
                double value = objective.evaluate(live);
                writer.objective(StudyExporter.OBJECTIVE_TAG, direction, clock.instant(), value);
                status = SessionStatus.STATUS_SUCCESS;
                return value;
            } catch (TrialPrunedException e) {
                status = SessionStatus.STATUS_UNKNOWN;
                throw e;
            } finally {
                live.startSession();
                Instant end = clock.instant();
                writer.sessionEnd(status, end);
            }
        }
    }
}
