package io.tunelab.trainers.eval;

import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialPrunedException;
import io.tunelab.trainers.TrainersException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the folds of a cross-validation (or a single hold-out fold) inside a trial, the analogue of
 * scikit-learn's {@code cross_val_score} as {@code RandomizedSearchCV(cv=k)} uses it. After each
 * fold it reports the running mean of the fold scores so far as the intermediate value at step = fold index (so the
 * last step is the objective value, as Optuna users report cross-validation), logs the fold's own score as the
 * scalar {@value #FOLD_SCORE}, and (after every fold but the last) asks the pruner: when the pruner
 * says stop, the remaining folds are skipped and {@link TrialPrunedException} ends the trial as PRUNED. Finally it stores the scores,
 * their mean and standard deviation as user attributes {@code cv_scores}, {@code cv_mean},
 * {@code cv_std}. Because every trial uses the same folds (seeded splits), fold {@code i} scores are
 * comparable across trials, which is what step-wise pruners compare.
 */
public final class CrossValidation {
    /** Name of the logged per-fold scalar. */
    public static final String FOLD_SCORE = "cv_fold_score";

    /** Trains on fold {@code fold}'s training part and returns its score on the held-out part. */
    @FunctionalInterface
    public interface FoldScorer {
        double score(int fold) throws Exception;
    }

    /**
     * Mean and spread of the fold scores.
     *
     * @param scores score of each fold, in fold order
     * @param mean   their mean, the objective value
     * @param std    their population standard deviation
     */
    public record Result(List<Double> scores, double mean, double std) {
        public Result {
            scores = List.copyOf(scores);
        }
    }

    private CrossValidation() {
    }

    /**
     * Scores {@code folds} folds with {@code scorer} for {@code trial}.
     *
     * @throws TrialPrunedException if the pruner stops the trial after some fold
     * @throws TrainersException    if a fold's score is not a finite number
     * @throws Exception            whatever the scorer throws
     */
    public static Result run(Trial trial, int folds, FoldScorer scorer) throws Exception {
        if (folds < 1) {
            throw new TrainersException("cross-validation needs at least one fold, got " + folds);
        }
        List<Double> scores = new ArrayList<>();
        for (int fold = 0; fold < folds; fold++) {
            double score = scorer.score(fold);
            if (!Double.isFinite(score)) {
                throw new TrainersException("fold " + fold + " of trial " + trial.number() + " scored " + score
                        + "; expected a finite number (did training diverge?)");
            }
            scores.add(score);
            double runningMean = scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            trial.report(fold, runningMean);
            trial.log(FOLD_SCORE, fold, score);
            if (fold < folds - 1 && trial.shouldPrune()) {
                throw new TrialPrunedException("pruned after fold " + fold + " of " + folds + " with mean score " + runningMean);
            }
        }
        double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double var = scores.stream().mapToDouble(s -> (s - mean) * (s - mean)).average().orElseThrow();
        Result result = new Result(scores, mean, Math.sqrt(var));
        trial.setUserAttr("cv_scores", result.scores());
        trial.setUserAttr("cv_mean", result.mean());
        trial.setUserAttr("cv_std", result.std());
        return result;
    }
}
