package io.tunelab.bench.samplers;

import io.tunelab.search.sampler.ForwardingSampler;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Delegates to a sampler and adds up the time spent inside it (every {@link Sampler} call but
 * {@link #isExhausted}, {@link #decidesFromViewOnly} and {@link #describe}), so a benchmark can report a sampler's
 * own cost per trial apart from the objective's. The time is wall time unless another clock is given (such as the
 * calling thread's CPU time). Thread-safe if the delegate is; the total counts every thread.
 */
public final class TimedSampler extends ForwardingSampler {
    private final LongSupplier clock;
    private final AtomicLong nanos = new AtomicLong();

    /** Times {@code delegate}, which must not be null, in wall time. */
    public TimedSampler(Sampler delegate) {
        this(delegate, System::nanoTime);
    }

    /** Times {@code delegate}, which must not be null, with {@code clock} (nanoseconds). */
    public TimedSampler(Sampler delegate, LongSupplier clock) {
        super(delegate);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Nanoseconds spent in the delegate so far, over all threads. */
    public long nanos() {
        return nanos.get();
    }

    @Override
    public Map<String, Distribution> relativeSearchSpace(StudyView study, FrozenTrial trial) {
        long t = clock.getAsLong();
        try {
            return delegate().relativeSearchSpace(study, trial);
        } finally {
            nanos.addAndGet(clock.getAsLong() - t);
        }
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, FrozenTrial trial, Map<String, Distribution> space) {
        long t = clock.getAsLong();
        try {
            return delegate().sampleRelative(study, trial, space);
        } finally {
            nanos.addAndGet(clock.getAsLong() - t);
        }
    }

    @Override
    public double sampleIndependent(StudyView study, FrozenTrial trial, String name, Distribution distribution) {
        long t = clock.getAsLong();
        try {
            return delegate().sampleIndependent(study, trial, name, distribution);
        } finally {
            nanos.addAndGet(clock.getAsLong() - t);
        }
    }

    @Override
    public void beforeTrial(StudyView study, FrozenTrial trial) {
        long t = clock.getAsLong();
        try {
            delegate().beforeTrial(study, trial);
        } finally {
            nanos.addAndGet(clock.getAsLong() - t);
        }
    }

    @Override
    public void afterTrial(StudyView study, FrozenTrial trial, TrialState state, List<Double> values) {
        long t = clock.getAsLong();
        try {
            delegate().afterTrial(study, trial, state, values);
        } finally {
            nanos.addAndGet(clock.getAsLong() - t);
        }
    }

    @Override
    public Map<String, Object> trialAttrs(StudyView study, FrozenTrial trial) {
        long t = clock.getAsLong();
        try {
            return delegate().trialAttrs(study, trial);
        } finally {
            nanos.addAndGet(clock.getAsLong() - t);
        }
    }
}
