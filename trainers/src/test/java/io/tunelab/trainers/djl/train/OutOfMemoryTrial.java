package io.tunelab.trainers.djl.train;

import ai.djl.engine.EngineException;
import io.tunelab.search.exec.Slot;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.Trial;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A trial whose engine "runs out of GPU memory" the first {@code times} times an attempt ends. */
final class OutOfMemoryTrial implements Trial {
    private final Trial trial;
    private final AtomicInteger left;

    OutOfMemoryTrial(Trial trial, int times) {
        this.trial = trial;
        this.left = new AtomicInteger(times);
    }

    @Override
    public void setUserAttr(String key, Object value) {
        if (key.equals("epochs_run") && left.getAndDecrement() > 0) {
            throw new EngineException(OutOfMemoryRetryTest.CUDA_OOM);
        }
        trial.setUserAttr(key, value);
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
    public void log(String name, long step, double value) {
        trial.log(name, step, value);
    }

    @Override
    public void logSummary(LoggedSummary summary) {
        trial.logSummary(summary);
    }

    @Override
    public ArtifactRef logArtifact(String name, Path file) {
        return trial.logArtifact(name, file);
    }

    @Override
    public Map<String, Object> params() {
        return trial.params();
    }
}
