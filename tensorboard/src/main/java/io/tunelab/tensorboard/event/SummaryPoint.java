package io.tunelab.tensorboard.event;

import io.tunelab.search.summary.Histogram;
import java.time.Instant;

/**
 * One summary value of one step of a run, as read from an events file, whichever way it was written
 * (TensorFlow 1's {@code simple_value}, {@code histo} and {@code image}, or TensorFlow 2's plugin tensors).
 */
public sealed interface SummaryPoint {
    String tag();

    long step();

    Instant wallTime();

    /** A scalar ({@code tf.summary.scalar}). */
    record Scalar(String tag, long step, Instant wallTime, double value) implements SummaryPoint {
    }

    /** A histogram ({@code tf.summary.histogram}). */
    record Histo(String tag, long step, Instant wallTime, Histogram histogram) implements SummaryPoint {
    }

    /** An encoded image, PNG as Tunelab writes them ({@code tf.summary.image}, first image of a batch). */
    record Image(String tag, long step, Instant wallTime, int width, int height, byte[] encoded) implements SummaryPoint {
        public Image {
            encoded = encoded.clone();
        }

        @Override
        public byte[] encoded() {
            return encoded.clone();
        }
    }

    /** A text, Markdown for TensorBoard's text plugin ({@code tf.summary.text}). */
    record Text(String tag, long step, Instant wallTime, String text) implements SummaryPoint {
    }
}
