package io.tunelab.trainers.callback;

import io.tunelab.search.trial.Trial;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.eval.ConfusionMatrix;
import io.tunelab.trainers.summary.ClassifierSummaries;
import java.util.List;

/**
 * At the end of a classifier's training, when it completed (not pruned or failed), predicts one labelled
 * split with the final weights (the restored best ones when this callback comes after
 * {@link EarlyStopping}) and logs, at step = epochs run and tags prefixed {@code <split>/}, the confusion
 * matrix as an image and a Markdown table and a one-vs-rest PR curve per class
 * ({@link ClassifierSummaries}). Nothing is logged for an empty split. A failure is logged and ignored
 * (see {@link TrainingCallback}).
 */
public final class EvaluationSummaries implements TrainingCallback {
    private final Trial trial;
    private final DenseDataset split;
    private final String splitName;
    private final List<String> classes;

    /**
     * @param split     labelled examples
     * @param splitName the split's name, the tags' prefix ({@code test} or {@code valid})
     * @param classes   one name per class of {@code split}, in output order
     * @throws TrainersException if {@code split} is a regression set or the class names do not match its classes
     */
    public EvaluationSummaries(Trial trial, DenseDataset split, String splitName, List<String> classes) {
        if (split.isRegression() || classes.size() != split.numClasses()) {
            throw new TrainersException("evaluation summaries: " + classes.size() + " class names for " + split
                    + "; expected a classification split with one name per class");
        }
        this.trial = trial;
        this.split = split;
        this.splitName = splitName;
        this.classes = List.copyOf(classes);
    }

    @Override
    public void onTrainEnd(TrainingEnd end, TrainingContext context) {
        if (!end.completed() || split.size() == 0) {
            return;
        }
        double[][] p = ClassifierSummaries.softmax(context.outputs(split), split.numClasses());
        int[] predicted = ClassifierSummaries.argMax(p);
        String prefix = splitName + "/";
        ClassifierSummaries.logConfusionMatrix(trial, prefix, end.epochs(), ConfusionMatrix.of(split.labels(), predicted, classes));
        ClassifierSummaries.logPrCurves(trial, prefix, end.epochs(), split.labels(), p, classes);
    }
}
