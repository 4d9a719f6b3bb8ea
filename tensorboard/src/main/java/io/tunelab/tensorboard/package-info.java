/**
 * TensorBoard event files both ways. {@code record} frames bytes as TFRecords (length, masked CRC-32C);
 * {@code event} turns summaries (scalars, histograms, images, text, HParams sessions) into {@code Event}
 * protocol buffers and back; {@code export} and {@code imports} move a study between the tracker and a
 * TensorBoard logdir (one run directory per trial); {@code live} writes a trial's scalars while it runs.
 * The protocol buffer classes ({@code io.tunelab.tensorboard.proto}) are generated at build time from
 * {@code src/main/protobuf}, which keeps TensorFlow's field numbers for the fields Tunelab uses.
 *
 * <p>Depends on {@code search} and {@code tracker} (its ports) and protobuf-java only.
 */
package io.tunelab.tensorboard;
