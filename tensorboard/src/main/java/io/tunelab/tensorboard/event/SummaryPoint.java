package io.tunelab.tensorboard.event;

import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.tensorboard.proto.SessionStatus;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One summary value of one step of a run, as read from an events file, whichever way it was written
 * (TensorFlow 1's {@code simple_value}, {@code histo} and {@code image}, or TensorFlow 2's plugin tensors), or the
 * HParams plugin's session start (hyperparameter values) and end (status).
 */
public sealed interface SummaryPoint {
    String tag();

    long step();

    Instant wallTime();

    /**
     * A scalar ({@code tf.summary.scalar}), with the description its record carried ({@code summary_description},
     * as a tag's first record carries it; empty when none).
     */
    record Scalar(String tag, long step, Instant wallTime, double value, String description) implements SummaryPoint {
        /** A scalar without a description. */
        public Scalar(String tag, long step, Instant wallTime, double value) {
            this(tag, step, wallTime, value, "");
        }
    }

    /**
     * An HParams session start ({@code _hparams_/session_start_info}, as Keras's {@code hp.KerasCallback} and
     * Tunelab's export write it): the run's hyperparameter values, each a {@code Double}, {@code Boolean} or {@code String},
     * and when the session started ({@code start_time_secs}; null when not recorded).
     */
    record SessionStart(String tag, long step, Instant wallTime, Map<String, Object> hparams, Instant started)
            implements SummaryPoint {
        public SessionStart {
            hparams = Collections.unmodifiableMap(new LinkedHashMap<>(hparams));
        }
    }

    /**
     * An HParams session end ({@code _hparams_/session_end_info}): how the run ended (success, failure, unknown or
     * still running) and when ({@code end_time_secs}; null when not recorded). A session without one has not ended.
     */
    record SessionEnd(String tag, long step, Instant wallTime, SessionStatus status, Instant ended) implements SummaryPoint {
    }

    /**
     * A histogram, image, text or PR curve, as a trial logs them ({@code tf.summary.histogram}, {@code image}...), with
     * the description its record carried (empty when none).
     */
    record Logged(LoggedSummary summary, String description) implements SummaryPoint {
        /** A summary without a description. */
        public Logged(LoggedSummary summary) {
            this(summary, "");
        }

        @Override
        public String tag() {
            return summary.tag();
        }

        @Override
        public long step() {
            return summary.step();
        }

        @Override
        public Instant wallTime() {
            return summary.wallTime();
        }
    }
}
