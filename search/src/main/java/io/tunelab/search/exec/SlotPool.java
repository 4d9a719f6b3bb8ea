package io.tunelab.search.exec;

import io.tunelab.search.SearchException;
import java.time.Duration;
import java.util.Comparator;
import java.util.TreeSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed set of slots that running trials borrow: one slot per running trial, returned when the
 * trial ends in any state. Thread-safe; a free slot is handed out lowest-first in the order given.
 */
public final class SlotPool {
    private final List<Slot> slots;
    private final TreeSet<Slot> free;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();

    public SlotPool(List<Slot> slots) {
        if (slots.isEmpty()) {
            throw new SearchException("a slot pool needs at least one slot, got none");
        }
        Set<Slot> distinct = new LinkedHashSet<>(slots);
        if (distinct.size() != slots.size()) {
            throw new SearchException("slots must be distinct, got " + slots);
        }
        this.slots = List.copyOf(slots);
        this.free = new TreeSet<>(Comparator.comparingInt(this.slots::indexOf));
        this.free.addAll(this.slots);
    }

    /** {@code n} CPU slots {@code cpu:0 .. cpu:n-1}. */
    public static SlotPool cpus(int n) {
        if (n < 1) {
            throw new SearchException("parallelism must be at least 1, got " + n);
        }
        return new SlotPool(java.util.stream.IntStream.range(0, n).mapToObj(Slot::cpu).toList());
    }

    /** One CPU slot per available core. */
    public static SlotPool perCore() {
        return cpus(Runtime.getRuntime().availableProcessors());
    }

    /** Parses a comma-separated list such as {@code gpu:0,gpu:1}. */
    public static SlotPool parse(String list) {
        return new SlotPool(java.util.Arrays.stream(list.split(",")).map(Slot::parse).toList());
    }

    public List<Slot> slots() {
        return slots;
    }

    public int size() {
        return slots.size();
    }

    /** Takes a free slot, waiting up to {@code timeout}; returns null on time-out. */
    public Slot acquire(Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (free.isEmpty()) {
                if (nanos <= 0) {
                    return null;
                }
                nanos = released.awaitNanos(nanos);
            }
            return free.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Returns a slot taken with {@link #acquire}. */
    public void release(Slot slot) {
        lock.lock();
        try {
            if (!slots.contains(slot) || free.contains(slot)) {
                throw new SearchException("slot " + slot + " is not held from this pool");
            }
            free.add(slot);
            released.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Number of slots not held right now. */
    public int available() {
        lock.lock();
        try {
            return free.size();
        } finally {
            lock.unlock();
        }
    }
}
