package io.tunelab.tracker.jdbc;

import io.tunelab.search.storage.StorageException;
import io.tunelab.search.storage.StorageNames;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.metrics.IngestStages;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes metric points from a background thread in large batches, one transaction per batch, so
 * {@link #enqueue} returns at once and a training loop never waits on the database. Thread-safe.
 *
 * <ul>
 *   <li>{@link #enqueue} blocks only when more than {@code capacity} points are waiting (the writer
 *       has fallen far behind); it rejects bad names and times at once with INVALID.</li>
 *   <li>{@link #flush} returns once every point enqueued before it is written and readable. If the
 *       database stays unreachable it throws UNAVAILABLE after the flush timeout; points are kept
 *       and retried. Points rejected by the database (e.g. an unknown trial) are dropped, logged,
 *       and reported by the next flush.</li>
 *   <li>{@link #close} flushes and stops the thread.</li>
 * </ul>
 *
 * <p>At debug level each committed batch logs, per trial, the points the database acknowledged:
 * {@code committed trial <trial id> points [name@step, ...]} (what a soak test checks survived).
 */
final class MetricWriter implements AutoCloseable {
    /** The logger, made at its first message (see {@code Database}'s). */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(MetricWriter.class);
    }

    private final Transactions db;
    private final IngestTimer timer = new IngestTimer();
    private final SeriesBatchWriter batches = new SeriesBatchWriter(timer);
    private final int batchSize;
    private final long capacity;
    private final Duration flushTimeout;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workArrived = lock.newCondition();
    private final Condition progress = lock.newCondition();
    private final ArrayDeque<TrialPoints> queue = new ArrayDeque<>();
    private final Thread thread;
    private long enqueued;
    private long written;
    private long queued;
    private StorageException rejected;
    private StorageException outage;
    private boolean closing;

    /** Points of one trial as handed to {@link #enqueue}. */
    record TrialPoints(long trialId, List<MetricPoint> points) {
    }

    MetricWriter(Transactions db, int batchSize, long capacity, Duration flushTimeout) {
        if (batchSize < 1 || capacity < batchSize) {
            throw TrackerException.invalid("metric batch size must be at least 1 and capacity at least the batch size,"
                    + " got " + batchSize + " and " + capacity);
        }
        this.db = db;
        this.batchSize = batchSize;
        this.capacity = capacity;
        this.flushTimeout = flushTimeout;
        this.thread = new Thread(this::run, "tunelab-metric-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues points of a trial for writing; INVALID for a blank or over-long name or an unstorable time. */
    void enqueue(long trialId, List<MetricPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        long began = System.nanoTime();
        for (MetricPoint p : points) {
            StorageNames.checkMetricName(p.name());
            Times.toNanos(p.wallTime());
        }
        List<MetricPoint> copy = List.copyOf(points);
        lock.lock();
        try {
            while (queued + copy.size() > capacity && queued > 0 && !closing) {
                progress.awaitUninterruptibly();
            }
            if (closing) {
                throw TrackerException.unavailable("the metric writer is closed", null);
            }
            queue.add(new TrialPoints(trialId, copy));
            queued += copy.size();
            enqueued += copy.size();
            workArrived.signal();
        } finally {
            lock.unlock();
            timer.handoff(System.nanoTime() - began);
        }
    }

    /** Where the writer's time went since it started. */
    IngestStages stages() {
        return timer.snapshot();
    }

    /** Waits until every point enqueued so far is written; see the class comment for failures. */
    void flush() {
        lock.lock();
        try {
            long target = enqueued;
            long deadline = System.nanoTime() + flushTimeout.toNanos();
            while (written < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    StorageException cause = outage;
                    throw TrackerException.unavailable("metric points are not written after " + flushTimeout
                            + (cause == null ? "" : ": " + cause.getMessage()) + "; they are kept and retried", cause);
                }
                progress.awaitNanos(left);
            }
            if (rejected != null) {
                StorageException e = rejected;
                rejected = null;
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TrackerException.unavailable("interrupted while flushing metric points", e);
        } finally {
            lock.unlock();
        }
    }

    /** Points waiting to be written. */
    long pending() {
        lock.lock();
        try {
            return enqueued - written;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (true) {
            List<TrialPoints> batch = take();
            if (batch == null) {
                return;
            }
            int count = batch.stream().mapToInt(t -> t.points().size()).sum();
            writeWithRetry(batch);
            lock.lock();
            try {
                written += count;
                progress.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private List<TrialPoints> take() {
        lock.lock();
        try {
            while (queue.isEmpty()) {
                if (closing) {
                    return null;
                }
                workArrived.awaitUninterruptibly();
            }
            long began = System.nanoTime();
            List<TrialPoints> batch = new ArrayList<>();
            int size = 0;
            while (!queue.isEmpty() && size < batchSize) {
                TrialPoints t = queue.poll();
                batch.add(t);
                size += t.points().size();
            }
            queued -= size;
            progress.signalAll();
            timer.batching(System.nanoTime() - began);
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Writes the batch, retrying while the database is unreachable. The batch carries one id for all
     * its attempts, so an attempt whose commit went through but whose acknowledgement was lost is not
     * written a second time by the next attempt.
     */
    private void writeWithRetry(List<TrialPoints> batch) {
        String batchId = UUID.randomUUID().toString();
        long pause = 100;
        while (true) {
            try {
                long began = System.nanoTime();
                long work = db.inTransaction(c -> batches.write(c, batchId, batch));
                batches.committed();
                logAcknowledged(batch);
                timer.committed(batch.stream().mapToInt(t -> t.points().size()).sum(), System.nanoTime() - began - work);
                setOutage(null);
                return;
            } catch (StorageException e) {
                if (e.kind() != StorageException.Kind.UNAVAILABLE) {
                    rejectedBatch(batch, e);
                    return;
                }
                setOutage(e);
                if (isClosing()) {
                    Log.LOG.error("Dropping {} metric batch entries at shutdown, the database is unreachable: {}",
                            batch.size(), e.getMessage());
                    return;
                }
                Log.LOG.warn("Metric batch not written, retrying in {} ms: {}", pause, e.getMessage());
                sleep(pause);
                pause = Math.min(5_000, pause * 2);
            }
        }
    }

    private static void logAcknowledged(List<TrialPoints> batch) {
        if (Log.LOG.isDebugEnabled()) {
            for (TrialPoints t : batch) {
                Log.LOG.debug("committed trial {} points {}", t.trialId(),
                        t.points().stream().map(p -> p.name() + "@" + p.step()).toList());
            }
        }
    }

    /** Writes the entries of a rejected batch one by one, so only the offending trial's points are lost. */
    private void rejectedBatch(List<TrialPoints> batch, StorageException e) {
        if (batch.size() > 1) {
            for (TrialPoints entry : batch) {
                writeWithRetry(List.of(entry));
            }
            return;
        }
        Log.LOG.error("Dropping {} metric points of trial {} the database rejected: {}",
                batch.get(0).points().size(), batch.get(0).trialId(), e.getMessage());
        lock.lock();
        try {
            rejected = e;
        } finally {
            lock.unlock();
        }
    }

    private boolean isClosing() {
        lock.lock();
        try {
            return closing;
        } finally {
            lock.unlock();
        }
    }

    private void setOutage(StorageException e) {
        lock.lock();
        try {
            outage = e;
        } finally {
            lock.unlock();
        }
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Flushes what is queued (waiting at most the flush timeout) and stops the writer thread. */
    @Override
    public void close() {
        try {
            flush();
        } finally {
            lock.lock();
            try {
                closing = true;
                workArrived.signalAll();
                progress.signalAll();
            } finally {
                lock.unlock();
            }
            try {
                thread.join(flushTimeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
