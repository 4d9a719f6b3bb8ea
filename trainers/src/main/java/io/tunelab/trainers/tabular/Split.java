package io.tunelab.trainers.tabular;

import io.tunelab.trainers.TrainersException;

/**
 * Row indices of one train/test partition (a hold-out split or one fold of k). Both arrays are
 * sorted and disjoint; they are copied in and out, so a split is immutable.
 *
 * @param train rows to fit on
 * @param test  rows to score on (the validation fold, or the test set)
 */
public record Split(int[] train, int[] test) {
    public Split {
        if (train.length == 0 || test.length == 0) {
            throw new TrainersException("a split needs rows on both sides, got " + train.length + " train and "
                    + test.length + " test rows");
        }
        train = train.clone();
        test = test.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Split s && java.util.Arrays.equals(train, s.train) && java.util.Arrays.equals(test, s.test);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(train) + java.util.Arrays.hashCode(test);
    }

    @Override
    public String toString() {
        return "Split[" + train.length + " train, " + test.length + " test]";
    }
}
