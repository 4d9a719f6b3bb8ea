package io.tunelab.trainers.eval;

import io.tunelab.search.trial.Direction;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.tabular.Task;

/**
 * The score an objective returns, with the task it applies to and the direction a study optimises
 * it in. Build the study with {@link #direction()}.
 */
public enum Metric {
    ACCURACY(Task.CLASSIFICATION, Direction.MAXIMIZE),
    MACRO_F1(Task.CLASSIFICATION, Direction.MAXIMIZE),
    RMSE(Task.REGRESSION, Direction.MINIMIZE),
    MAE(Task.REGRESSION, Direction.MINIMIZE),
    R2(Task.REGRESSION, Direction.MAXIMIZE);

    private final Task task;
    private final Direction direction;

    Metric(Task task, Direction direction) {
        this.task = task;
        this.direction = direction;
    }

    public Task task() {
        return task;
    }

    public Direction direction() {
        return direction;
    }

    /** The default metric of a task: accuracy for classification, RMSE for regression. */
    public static Metric defaultFor(Task task) {
        return task == Task.CLASSIFICATION ? ACCURACY : RMSE;
    }

    /** Scores class predictions; throws for a regression metric. */
    public double score(int[] truth, int[] predicted, int classes) {
        return switch (this) {
            case ACCURACY -> Scores.accuracy(truth, predicted);
            case MACRO_F1 -> Scores.macroF1(truth, predicted, classes);
            default -> throw new TrainersException("metric " + this + " scores regression, not class predictions");
        };
    }

    /** Scores real-valued predictions; throws for a classification metric. */
    public double score(double[] truth, double[] predicted) {
        return switch (this) {
            case RMSE -> Scores.rmse(truth, predicted);
            case MAE -> Scores.mae(truth, predicted);
            case R2 -> Scores.r2(truth, predicted);
            default -> throw new TrainersException("metric " + this + " scores classification, not real values");
        };
    }
}
