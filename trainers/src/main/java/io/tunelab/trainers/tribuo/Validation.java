package io.tunelab.trainers.tribuo;

import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.tabular.Split;
import io.tunelab.trainers.tabular.Splits;
import io.tunelab.trainers.tabular.Table;
import java.util.List;

/**
 * How an objective scores a trial on its training table: k-fold cross-validation or one hold-out
 * split, stratified by class for classification, with a fixed seed so that every trial sees the
 * same folds.
 *
 * @param folds        k for k-fold, or 1 for a hold-out split
 * @param holdFraction fraction of rows held out when {@code folds == 1}, else unused (0)
 * @param seed         seed of the split
 */
public record Validation(int folds, double holdFraction, long seed) {
    public Validation {
        if (folds < 1) {
            throw new TrainersException("validation needs k >= 2 folds or 1 hold-out split, got " + folds);
        }
        if (folds == 1 && !(holdFraction > 0 && holdFraction < 1)) {
            throw new TrainersException("hold-out fraction must be in (0, 1), got " + holdFraction);
        }
    }

    /** k-fold cross-validation, as {@code RandomizedSearchCV(cv=k)}. */
    public static Validation kFold(int k, long seed) {
        if (k < 2) {
            throw new TrainersException("k-fold cross-validation needs k >= 2, got " + k);
        }
        return new Validation(k, 0, seed);
    }

    /** One hold-out split with {@code fraction} of the rows for validation. */
    public static Validation holdOut(double fraction, long seed) {
        return new Validation(1, fraction, seed);
    }

    /** The splits of {@code table}. */
    public List<Split> splits(Table table) {
        return folds == 1 ? List.of(Splits.holdOut(table, holdFraction, seed)) : Splits.kFold(table, folds, seed);
    }

    /** A JSON-compatible description for trial attributes. */
    public String describe() {
        return folds == 1 ? "holdout(" + holdFraction + ", seed=" + seed + ")" : folds + "-fold(seed=" + seed + ")";
    }
}
