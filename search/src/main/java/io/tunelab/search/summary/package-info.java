/**
 * Summaries a trial logs besides scalars, as TensorBoard knows them: {@link io.tunelab.search.summary.Histogram}s,
 * Markdown {@link io.tunelab.search.summary.TextSummary texts}, PNG {@link io.tunelab.search.summary.ImageSummary images}
 * and {@link io.tunelab.search.summary.PrCurve PR curves}, each a {@link io.tunelab.search.summary.LoggedSummary} with
 * a tag and a step, within {@link io.tunelab.search.summary.SummaryLimits}.
 */
package io.tunelab.search.summary;
