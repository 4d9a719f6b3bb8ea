package io.tunelab.tensorboard.live;

import io.tunelab.search.exec.Slot;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.Trial;
import io.tunelab.tensorboard.event.EventFileWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A trial that also writes each logged scalar and summary (histogram, image, text, PR curve) to its run's events
 * file, flushing at most once a {@code flushEvery} so that a TensorBoard watching the logdir sees a running trial
 * move. Everything else is the wrapped trial's.
 */
final class TensorBoardTrial implements Trial {
    private final Trial trial;
    private final EventFileWriter writer;
    private final Clock clock;
    private final Duration flushEvery;
    private Instant lastFlush;
    private long lastStep;

    TensorBoardTrial(Trial trial, EventFileWriter writer, Clock clock, Duration flushEvery) {
        this.trial = trial;
        this.writer = writer;
        this.clock = clock;
        this.flushEvery = flushEvery;
        this.lastFlush = clock.instant();
    }

    @Override
    public void log(String name, long step, double value) {
        trial.log(name, step, value);
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
    public int number() {
        return trial.number();
    }

    @Override
    public Slot slot() {
        return trial.slot();
    }

    @Override
    public long seed() {
        return trial.seed();
    }

    @Override
    public Object suggest(String name, Distribution distribution) {
        return trial.suggest(name, distribution);
    }

    @Override
    public void report(int step, double value) {
        trial.report(step, value);
    }

    @Override
    public boolean shouldPrune() {
        return trial.shouldPrune();
    }

    @Override
    public void logSummary(LoggedSummary summary) {
        trial.logSummary(summary);
        lastStep = Math.max(lastStep, summary.step());
        writer.summary(summary);
        flushNow(clock.instant());
    }

    @Override
    public ArtifactRef logArtifact(String name, Path file) {
        return trial.logArtifact(name, file);
    }

    @Override
    public void setUserAttr(String key, Object value) {
        trial.setUserAttr(key, value);
    }

    @Override
    public Map<String, Object> params() {
        return trial.params();
    }
}
