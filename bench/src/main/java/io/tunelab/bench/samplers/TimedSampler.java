package io.tunelab.bench.samplers;

import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delegates to a sampler and adds up the wall time spent inside it (every {@link Sampler} call but
 * {@link #isExhausted} and {@link #describe}), so a benchmark can report a sampler's own cost per trial
 * apart from the objective's. Thread-safe if the delegate is; the total counts every thread.
 */
public final class TimedSampler implements Sampler {
    private final Sampler delegate;
    private final AtomicLong nanos = new AtomicLong();

    /** Times {@code delegate}, which must not be null. */
    public TimedSampler(Sampler delegate) {
        this.delegate = java.util.Objects.requireNonNull(delegate, "delegate");
    }

    /** Nanoseconds spent in the delegate so far, over all threads. */
    public long nanos() {
        return nanos.get();
    }

    @Override
    public Map<String, Distribution> relativeSearchSpace(StudyView study, FrozenTrial trial) {
        long t = System.nanoTime();
        try {
            return delegate.relativeSearchSpace(study, trial);
        } finally {
            nanos.addAndGet(System.nanoTime() - t);
        }
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
        long t = System.nanoTime();
        try {
            return delegate.sampleRelative(study, trial, space);
        } finally {
            nanos.addAndGet(System.nanoTime() - t);
        }
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        long t = System.nanoTime();
        try {
            return delegate.sampleIndependent(study, trial, name, distribution);
        } finally {
            nanos.addAndGet(System.nanoTime() - t);
        }
    }

    @Override
    public void beforeTrial(StudyView study, FrozenTrial trial) {
        long t = System.nanoTime();
        try {
            delegate.beforeTrial(study, trial);
        } finally {
            nanos.addAndGet(System.nanoTime() - t);
        }
    }

    @Override
    public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
        long t = System.nanoTime();
        try {
            delegate.afterTrial(study, trial, state, values);
        } finally {
            nanos.addAndGet(System.nanoTime() - t);
        }
    }

    @Override
    public Map<String, Object> trialAttrs(StudyView study, FrozenTrial trial) {
        return delegate.trialAttrs(study, trial);
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
