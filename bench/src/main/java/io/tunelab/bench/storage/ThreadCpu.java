package io.tunelab.bench.storage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time of this process's threads grouped by role, so a benchmark can say which thread bounds it:
 * the tracker's metric writer, H2's background store writer (which writes committed pages to the
 * file: H2's checkpoints), the calling thread, and everything else. Snapshots are subtracted.
 */
final class ThreadCpu {
    static final String WRITER = "metric writer";
    static final String H2_STORE = "H2 store writer";
    static final String CALLER = "caller";
    static final String OTHER = "other threads";

    private ThreadCpu() {
    }

    /** Cumulative CPU nanoseconds per role now (threads that ended are not counted). */
    static Map<String, Long> snapshot() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> out = new LinkedHashMap<>();
        for (String role : new String[] {WRITER, H2_STORE, CALLER, OTHER}) {
            out.put(role, 0L);
        }
        if (!mx.isThreadCpuTimeSupported()) {
            return out;
        }
        long self = Thread.currentThread().getId();
        for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = mx.getThreadCpuTime(info.getThreadId());
            if (cpu < 0) {
                continue;
            }
            out.merge(role(info, self), cpu, Long::sum);
        }
        return out;
    }

    /** {@code later - earlier} per role. */
    static Map<String, Long> between(Map<String, Long> earlier, Map<String, Long> later) {
        Map<String, Long> out = new LinkedHashMap<>();
        later.forEach((role, cpu) -> out.put(role, Math.max(0, cpu - earlier.getOrDefault(role, 0L))));
        return out;
    }

    private static String role(ThreadInfo info, long self) {
        String name = info.getThreadName();
        if (info.getThreadId() == self) {
            return CALLER;
        }
        if (name.startsWith("tunelab-metric-writer")) {
            return WRITER;
        }
        if (name.startsWith("MVStore background writer")) {
            return H2_STORE;
        }
        return OTHER;
    }
}
