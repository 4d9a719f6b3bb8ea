package io.tunelab.tracker.jdbc;

import io.tunelab.tracker.metrics.IngestStages;
import java.util.concurrent.atomic.LongAdder;

/** Accumulates the time of each metric-ingest stage ({@link IngestStages}); thread-safe and cheap. */
final class IngestTimer {
    private final LongAdder batches = new LongAdder();
    private final LongAdder points = new LongAdder();
    private final LongAdder handoff = new LongAdder();
    private final LongAdder batching = new LongAdder();
    private final LongAdder series = new LongAdder();
    private final LongAdder insert = new LongAdder();
    private final LongAdder summary = new LongAdder();
    private final LongAdder commit = new LongAdder();

    void handoff(long nanos) {
        handoff.add(nanos);
    }

    void batching(long nanos) {
        batching.add(nanos);
    }

    void series(long nanos) {
        series.add(nanos);
    }

    void insert(long nanos) {
        insert.add(nanos);
    }

    void summary(long nanos) {
        summary.add(nanos);
    }

    /** A committed batch of {@code count} points; {@code commitNanos} is its transaction time outside the work. */
    void committed(int count, long commitNanos) {
        batches.increment();
        points.add(count);
        commit.add(commitNanos);
    }

    IngestStages snapshot() {
        return new IngestStages(batches.sum(), points.sum(), handoff.sum(), batching.sum(), series.sum(), insert.sum(),
                summary.sum(), commit.sum());
    }
}
