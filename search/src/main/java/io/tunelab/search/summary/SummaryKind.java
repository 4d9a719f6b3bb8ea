package io.tunelab.search.summary;

/** The kinds of summary a trial logs besides scalars, named as storages and TensorBoard's plugins know them. */
public enum SummaryKind {
    HISTOGRAM, TEXT, IMAGE, PR_CURVE
}
