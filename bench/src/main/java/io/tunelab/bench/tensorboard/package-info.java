/** {@code tunelab bench tensorboard}: writing, reading and importing TensorBoard event files. */
package io.tunelab.bench.tensorboard;
