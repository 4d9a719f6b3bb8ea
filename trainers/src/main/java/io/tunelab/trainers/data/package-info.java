/**
 * In-memory datasets for neural-network trainers: the IDX reader (MNIST, Fashion-MNIST), named datasets
 * found on disk or downloaded with SHA-256 verification, train/valid/test splits and content
 * fingerprints for provenance. Seeded k-fold index splits of any dataset size are
 * {@link io.tunelab.trainers.tabular.Splits#kFold(int, int, long)}.
 *
 * <p>Depends on the JDK and {@code io.tunelab.trainers} only (no DJL), so that any trainer can use it.
 */
package io.tunelab.trainers.data;
