/**
 * The data sources of the DJL trainers: a user's CSV file ({@link io.tunelab.trainers.sources.CsvDatasets})
 * and time series ({@link io.tunelab.trainers.sources.SeriesDatasets}) as network-ready
 * {@link io.tunelab.trainers.data.DatasetSplits}, each with the {@link io.tunelab.trainers.sources.DataCard}
 * a model trained on them is saved with, so that it answers raw inputs as it saw them in training.
 * Built on {@code data} (datasets in memory) and {@code tabular} (the CSV reader and feature encoder
 * the Tribuo trainers use).
 */
package io.tunelab.trainers.sources;
