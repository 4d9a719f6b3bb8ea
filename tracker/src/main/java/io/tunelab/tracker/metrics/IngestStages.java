package io.tunelab.tracker.metrics;

/**
 * Where the metric writer's time went since the tracker opened: cumulative nanoseconds per stage of
 * the path from a caller's {@code logMetrics} to a committed batch. A benchmark takes two snapshots
 * and subtracts them ({@link #minus}). Stages of the writer thread run one after another, so their
 * sum is that thread's busy time; {@code handoffNanos} is spent on the callers' threads.
 *
 * @param batches      transactions the writer committed
 * @param points       points those transactions wrote
 * @param handoffNanos callers' time inside {@code logMetrics}: validation, copy, queueing (and waiting
 *                     when the queue is full)
 * @param batchNanos   writer thread: taking entries off the queue and grouping them by series
 * @param seriesNanos  writer thread: finding, creating and locking the series rows
 * @param insertNanos  writer thread: the JDBC inserts of the points
 * @param summaryNanos writer thread: updating the series summaries (count, latest, min, max)
 * @param commitNanos  writer thread: commit, including the pool's connection hand-out
 */
public record IngestStages(long batches, long points, long handoffNanos, long batchNanos, long seriesNanos,
                           long insertNanos, long summaryNanos, long commitNanos) {

    /** No batches, no time. */
    public static final IngestStages ZERO = new IngestStages(0, 0, 0, 0, 0, 0, 0, 0);

    /** The stages between {@code earlier} and this snapshot. */
    public IngestStages minus(IngestStages earlier) {
        return new IngestStages(batches - earlier.batches, points - earlier.points, handoffNanos - earlier.handoffNanos,
                batchNanos - earlier.batchNanos, seriesNanos - earlier.seriesNanos, insertNanos - earlier.insertNanos,
                summaryNanos - earlier.summaryNanos, commitNanos - earlier.commitNanos);
    }

    /** The writer thread's busy time: every stage except the callers' hand-off. */
    public long writerNanos() {
        return batchNanos + seriesNanos + insertNanos + summaryNanos + commitNanos;
    }
}
