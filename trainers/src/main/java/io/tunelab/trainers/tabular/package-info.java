/**
 * Tabular data for classical models: raw {@link io.tunelab.trainers.tabular.Table}s read from CSV or
 * generated, a {@link io.tunelab.trainers.tabular.FeatureEncoder} (standardisation and one-hot encoding
 * fitted on the training split only), seeded hold-out and k-fold {@link io.tunelab.trainers.tabular.Splits},
 * and each table's content {@link io.tunelab.trainers.tabular.Table#fingerprint() fingerprint}.
 *
 * <p>Depends on the JDK, Jackson and {@code io.tunelab.trainers.data} (for the one fingerprint type and its
 * SHA-256 helpers) only; knows nothing of Tribuo or DJL, so either trainer can use it.
 */
package io.tunelab.trainers.tabular;
