package io.tunelab.trainers.djl.train;

import ai.djl.engine.EngineException;
import io.tunelab.search.trial.ForwardingTrial;
import io.tunelab.search.trial.Trial;
import java.util.concurrent.atomic.AtomicInteger;

/** A trial whose engine "runs out of GPU memory" the first {@code times} times an attempt ends. */
final class OutOfMemoryTrial extends ForwardingTrial {
    private final AtomicInteger left;

    OutOfMemoryTrial(Trial trial, int times) {
        super(trial);
        this.left = new AtomicInteger(times);
    }

    @Override
    public void setUserAttr(String key, Object value) {
        if (key.equals("epochs_run") && left.getAndDecrement() > 0) {
            throw new EngineException(OutOfMemoryRetryTest.CUDA_OOM);
        }
        super.setUserAttr(key, value);
    }
}
