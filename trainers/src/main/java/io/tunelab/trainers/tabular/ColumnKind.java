package io.tunelab.trainers.tabular;

/** How a raw feature column is encoded: standardised as a number, or one-hot over its levels. */
public enum ColumnKind {
    NUMERIC,
    CATEGORICAL
}
