package io.tunelab.tensorboard.live;

import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.trial.ForwardingTrial;
import io.tunelab.search.trial.Trial;
import io.tunelab.tensorboard.event.EventFileWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A trial that also writes each logged scalar and summary (histogram, image, text, PR curve) to its run's events
 * file, flushing at most once a {@code flushEvery} so that a TensorBoard watching the logdir sees a running trial
 * move. Everything else is the wrapped trial's.
 */
final class TensorBoardTrial extends ForwardingTrial {
    private final EventFileWriter writer;
    private final Clock clock;
    private final Duration flushEvery;
    private Instant lastFlush;
    private long lastStep;

    TensorBoardTrial(Trial trial, EventFileWriter writer, Clock clock, Duration flushEvery) {
        super(trial);
        this.writer = writer;
        this.clock = clock;
        this.flushEvery = flushEvery;
        this.lastFlush = clock.instant();
    }

    @Override
    public void log(String name, long step, double value) {
        super.log(name, step, value);
        lastStep = Math.max(lastStep, step);
        Instant now = clock.instant();
        writer.scalar(name, step, now, value);
        flushNow(now);
    }

    private void flushNow(Instant now) {
        if (!now.isBefore(lastFlush.plus(flushEvery))) {
            writer.flush();
            lastFlush = now;
        }
    }

    /** The largest step logged so far (0 before any). */
    long lastStep() {
        return lastStep;
    }

    @Override
    public void logSummary(LoggedSummary summary) {
        super.logSummary(summary);
        lastStep = Math.max(lastStep, summary.step());
        writer.summary(summary);
        flushNow(clock.instant());
    }
}
