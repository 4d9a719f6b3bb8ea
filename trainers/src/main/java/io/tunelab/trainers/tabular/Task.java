package io.tunelab.trainers.tabular;

/** What a tabular target holds: class labels or real values. */
public enum Task {
    /** The target is a class label; classes are indexed in sorted name order. */
    CLASSIFICATION,
    /** The target is a real number. */
    REGRESSION
}
