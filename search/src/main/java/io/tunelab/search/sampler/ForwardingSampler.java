package io.tunelab.search.sampler;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A sampler that forwards every call to another: extend it and override the calls a wrapper changes (a benchmark's
 * timer or counter, a decorator given to {@link io.tunelab.search.sampler.auto.AutoSampler#wrappingDelegates}). A
 * wrapper of a sampler whose choices others read must keep forwarding {@link #trialAttrs}, which records the sampler's
 * name. Thread-safe if the delegate is and the overrides are.
 */
public abstract class ForwardingSampler implements Sampler {
    private final Sampler delegate;

    /** Forwards to {@code delegate}, which must not be null. */
    protected ForwardingSampler(Sampler delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** The sampler every call goes to. */
    protected final Sampler delegate() {
        return delegate;
    }

    @Override
    public void beforeTrial(StudyView study, FrozenTrial trial) {
        delegate.beforeTrial(study, trial);
    }

    @Override
    public Map<String, Distribution> relativeSearchSpace(StudyView study, FrozenTrial trial) {
        return delegate.relativeSearchSpace(study, trial);
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
        return delegate.sampleRelative(study, trial, space);
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        return delegate.sampleIndependent(study, trial, name, distribution);
    }

    @Override
    public Map<String, Object> trialAttrs(StudyView study, FrozenTrial trial) {
        return delegate.trialAttrs(study, trial);
    }

    @Override
    public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
        delegate.afterTrial(study, trial, state, values);
    }

    @Override
    public boolean isExhausted(StudyView study) {
        return delegate.isExhausted(study);
    }

    @Override
    public boolean decidesFromViewOnly() {
        return delegate.decidesFromViewOnly();
    }

    @Override
    public Map<String, Object> describe() {
        return delegate.describe();
    }
}
