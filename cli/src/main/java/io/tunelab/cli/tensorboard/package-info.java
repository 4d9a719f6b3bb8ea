/**
 * {@code tunelab export tensorboard} and {@code tunelab import tensorboard}: a study to a TensorBoard logdir and
 * back, through {@code io.tunelab.tensorboard}.
 */
package io.tunelab.cli.tensorboard;
