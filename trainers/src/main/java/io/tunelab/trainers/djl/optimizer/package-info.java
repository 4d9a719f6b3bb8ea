/**
 * The optimizers of the book's chapter 11 as DJL {@link ai.djl.training.optimizer.Optimizer}s:
 * SGD, momentum, Nesterov, AdaGrad, RMSProp, Adam, AdaMax, Nadam and AdamW, chosen by
 * {@link io.tunelab.trainers.djl.optimizer.OptimizerKind} and configured by
 * {@link io.tunelab.trainers.djl.optimizer.OptimizerSpec}.
 *
 * <p>Why not DJL's own: its PyTorch engine implements only SGD (with momentum) and Adam/AdamW; and its
 * optimizers keep their state arrays detached from every NDManager, so each trial would leak them.
 * Here every state array is attached to its weight's manager and freed when the model closes. Adam
 * and AdamW call PyTorch's fused update; the others are written with NDArray operations (in place where
 * they can), whose temporaries are freed after each update by an {@link ai.djl.ndarray.NDScope}.
 *
 * <p>Every update rule is element-wise, so each optimizer can also update all of a model's parameters at
 * once when they are views of one buffer ({@link io.tunelab.trainers.djl.optimizer.FlatParameters},
 * {@link io.tunelab.trainers.djl.optimizer.FlatOptimizer}): the same arithmetic with one set of native
 * operations per step instead of one per parameter, most of a small network's step time.
 *
 * <p>Gradients are not clipped here (DJL's native clipping only clamps from above); the training loop
 * clips them, and zeroes them after each step.
 */
package io.tunelab.trainers.djl.optimizer;
