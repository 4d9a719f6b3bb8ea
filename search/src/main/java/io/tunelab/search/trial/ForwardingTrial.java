package io.tunelab.search.trial;

import io.tunelab.search.exec.Slot;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.summary.LoggedSummary;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A trial that hands every call to another one: the base of decorators that watch or add to what an
 * objective does (override the calls of interest and call {@code super}). As thread-confined as the
 * trial it wraps.
 */
public abstract class ForwardingTrial implements Trial {
    private final Trial trial;

    protected ForwardingTrial(Trial trial) {
        this.trial = Objects.requireNonNull(trial, "trial");
    }

    /** The wrapped trial. */
    protected final Trial delegate() {
        return trial;
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
    public void beginAttempt() {
        trial.beginAttempt();
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
    public void deleteArtifact(String name) {
        trial.deleteArtifact(name);
    }

    @Override
    public List<ArtifactRef> retriedArtifacts(String name) {
        return trial.retriedArtifacts(name);
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
