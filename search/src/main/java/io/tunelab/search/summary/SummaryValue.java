package io.tunelab.search.summary;

/** The value of a {@link LoggedSummary}: one of a closed set of immutable records. */
public sealed interface SummaryValue permits Histogram, TextSummary, ImageSummary, PrCurve {
    SummaryKind kind();
}
