/**
 * Neural networks on DJL with the PyTorch engine: architectures described as JSON-serialisable records
 * ({@link io.tunelab.trainers.djl.MlpArchitecture}, {@link io.tunelab.trainers.djl.CnnArchitecture}),
 * built into DJL blocks by {@link io.tunelab.trainers.djl.Networks}, initialised with seeded weights,
 * saved as {@code .params} weights beside their architecture JSON and loaded back.
 *
 * <p>The few PyTorch-specific calls (thread-local gradient recording) live in
 * {@link io.tunelab.trainers.djl.ThreadGradients}. Depends on DJL, Jackson and {@code io.tunelab.trainers}.
 */
package io.tunelab.trainers.djl;
