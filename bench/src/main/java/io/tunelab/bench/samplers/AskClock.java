package io.tunelab.bench.samplers;

import io.tunelab.search.SearchException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The clock {@link AskCost} times asks with. A clock read inside a timed interval is counted in it, so for asks of a
 * few microseconds (CMA-ES's) the read's own cost matters: {@link #readNanos()} measures it, to print beside the
 * figures. Stateless.
 */
public enum AskClock {
    /** {@link System#nanoTime()}: a read costs tens of nanoseconds; counts whatever else runs, so measure on an idle machine. */
    WALL {
        @Override
        long now() {
            return System.nanoTime();
        }
    },
    /**
     * The asking thread's CPU time (wall time where the JVM cannot measure it): other load does not count, but a read
     * is a system call, which costs over a microsecond in a virtual machine.
     */
    CPU {
        @Override
        long now() {
            return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
        }
    };

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int READS = 2_000;
    /** Where reads go, so that the timing loop is not optimised away. */
    private static volatile long sink;

    /** The current time in nanoseconds, from an arbitrary origin. */
    abstract long now();

    /** Nanoseconds one read of this clock costs on this machine now: the median of five batches of reads. */
    public double readNanos() {
        double[] perRead = new double[5];
        long sum = 0;
        for (int b = 0; b < perRead.length; b++) {
            long start = System.nanoTime();
            for (int i = 0; i < READS; i++) {
                sum += now();
            }
            perRead[b] = (System.nanoTime() - start) / (double) READS;
        }
        sink = sum;
        Arrays.sort(perRead);
        return perRead[2];
    }

    /** The clock named {@code name} ({@code wall} or {@code cpu}, any case); throws naming the value otherwise. */
    public static AskClock parse(String name) {
        for (AskClock c : values()) {
            if (c.name().equalsIgnoreCase(name.trim())) {
                return c;
            }
        }
        throw new SearchException("clock must be wall or cpu, got '" + name + "'");
    }

    /** The clock's name as the command line takes it. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
