package io.tunelab.tensorboard.live;

import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.trial.ForwardingTrial;
import io.tunelab.search.trial.Trial;
import io.tunelab.tensorboard.export.RunWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A trial that also writes each logged scalar and summary (histogram, image, text, PR curve) to its run
 * ({@link RunWriter}), flushing at most once a {@code flushEvery} so that a TensorBoard watching the logdir sees a running trial
 * move. Before its first value it writes its HParams session start (the parameters suggested so far, as a trainer
 * suggests them all before it trains) and flushes it, so that TensorBoard's HParams tab lists the trial as running
 * and an import leaves it for later until its session ends ({@link #startSession}). Everything else is the wrapped
 * trial's.
 */
final class TensorBoardTrial extends ForwardingTrial {
    private final RunWriter writer;
    private final Clock clock;
    private final Duration flushEvery;
    private final Instant start;
    private Instant lastFlush;
    private Map<String, Object> sessionParams;

    TensorBoardTrial(Trial trial, RunWriter writer, Clock clock, Duration flushEvery) {
        super(trial);
        this.writer = writer;
        this.clock = clock;
        this.flushEvery = flushEvery;
        this.lastFlush = clock.instant();
        this.start = lastFlush;
    }

    /**
     * Writes the session start with the parameters suggested so far, once, or again when more were suggested since
     * (the first one is TensorBoard's, the later ones an import's, which merges them).
     */
    void startSession() {
        Map<String, Object> params = params();
        if (!params.equals(sessionParams)) {
            writer.sessionStart(params, start);
            sessionParams = Map.copyOf(params);
        }
    }

    @Override
    public void log(String name, long step, double value) {
        super.log(name, step, value);
        startOnce();
        Instant now = clock.instant();
        writer.metric(name, step, now, value);
        flushNow(now);
    }

    private void startOnce() {
        if (sessionParams == null) {
            startSession();
            writer.flush();
            lastFlush = clock.instant();
        }
    }

    private void flushNow(Instant now) {
        if (!now.isBefore(lastFlush.plus(flushEvery))) {
            writer.flush();
            lastFlush = now;
        }
    }

    @Override
    public void logSummary(LoggedSummary summary) {
        super.logSummary(summary);
        startOnce();
        writer.summary(summary);
        flushNow(clock.instant());
    }
}
