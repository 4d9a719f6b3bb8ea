/**
 * Pictures and tables of a trained model for the trial's summaries (TensorBoard's Images and Text
 * dashboards): a {@link io.tunelab.trainers.summary.CaptionedGrid} of sample inputs with a caption under
 * each (true and predicted class), a {@link io.tunelab.trainers.summary.ConfusionChart} heat map, and
 * {@link io.tunelab.trainers.summary.ClassifierSummaries}, which logs a classifier's confusion matrix (image
 * and Markdown table) and one-vs-rest PR curves; shared by the DJL and Tribuo trainers.
 *
 * <p>Drawn with {@code java.awt} into memory only (headless; no display is needed) and encoded by
 * {@code search}'s {@link io.tunelab.search.summary.PngImages}. Depends on {@code eval} and {@code search};
 * never on DJL or Tribuo.
 */
package io.tunelab.trainers.summary;
