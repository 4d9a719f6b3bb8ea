package io.tunelab.tensorboard.live;

import io.tunelab.search.study.MultiObjective;
import io.tunelab.search.study.Objective;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialPrunedException;
import io.tunelab.tensorboard.export.ObjectiveTags;
import io.tunelab.tensorboard.export.RunNames;
import io.tunelab.tensorboard.export.RunWriter;
import io.tunelab.tensorboard.proto.SessionStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An objective that writes its trials live into a TensorBoard logdir ({@code fit: {tensorboard_dir: DIR}}):
 * each trial's scalars go to {@code DIR/STUDY/trial-NNNN} ({@link RunNames#studyFolder}) as they are logged, in the
 * layout Keras's TensorBoard callback writes and {@code export tensorboard} writes too ({@link RunWriter}:
 * {@code train/epoch_loss}, {@code validation/epoch_loss}, from step 0), so that studies sharing one logdir, as Keras
 * users keep one logs root with a folder per run, never write into each other's runs and
 * {@code tensorboard --logdir DIR} shows them apart. Its HParams session starts with its first value
 * ({@link TensorBoardTrial}) and ends with success, failure or, for a pruned trial, unknown, after its objective
 * values at its last step, tagged as an export tags them ({@link ObjectiveTags}: {@code objective}, or
 * {@code objective_0}, {@code objective_1}... for a multi-objective study, each described with its direction), so
 * the logdir imports back with the study's objectives and directions: a run whose session has not ended is running.
 * Whatever a failing trial logged (a diverged one's curve up to its NaN) is written before its session ends.
 * TensorBoard's HParams tab builds the experiment from the sessions.
 */
public final class TensorBoardObjective implements MultiObjective {
    private static final Duration FLUSH_EVERY = Duration.ofSeconds(2);

    private final MultiObjective objective;
    private final Path logdir;
    private final ObjectiveTags tags;
    private final Clock clock;

    /**
     * Wraps {@code objective} of study {@code study}, whose values are better in {@code directions} (one per value),
     * writing its runs under {@code logdir/study}.
     */
    public TensorBoardObjective(MultiObjective objective, Path logdir, String study, List<Direction> directions,
            Clock clock) {
        this.objective = objective;
        this.logdir = logdir.resolve(RunNames.studyFolder(study));
        this.tags = new ObjectiveTags(directions);
        this.clock = clock;
    }

    /** {@code objective} of a study with one direction, writing as {@link #TensorBoardObjective} does. */
    public static Objective single(Objective objective, Path logdir, String study, Direction direction, Clock clock) {
        MultiObjective live = new TensorBoardObjective(MultiObjective.of(objective), logdir, study, List.of(direction),
                clock);
        return trial -> live.evaluate(trial)[0];
    }

    @Override
    public double[] evaluate(Trial trial) throws Exception {
        Instant start = clock.instant();
        try (RunWriter writer = new RunWriter(logdir.resolve(RunNames.of(trial.number())), start)) {
            SessionStatus status = SessionStatus.STATUS_FAILURE;
            TensorBoardTrial live = new TensorBoardTrial(trial, writer, clock, FLUSH_EVERY);
            try {
                double[] values = objective.evaluate(live);
                tags.write(writer, clock.instant(), Arrays.stream(values).boxed().toList());
                status = SessionStatus.STATUS_SUCCESS;
                return values;
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
