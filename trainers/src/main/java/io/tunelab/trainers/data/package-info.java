/**
 * In-memory datasets for neural-network trainers: the IDX reader (MNIST, Fashion-MNIST), named datasets
 * found on disk or downloaded with SHA-256 verification, train/valid/test splits, k-fold index splits
 * and content fingerprints for provenance.
 *
 * <p>Depends on the JDK and {@code io.tunelab.trainers} only (no DJL), so that any trainer can use it.
 */
package io.tunelab.trainers.data;
