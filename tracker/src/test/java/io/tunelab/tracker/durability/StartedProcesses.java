package io.tunelab.tracker.durability;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The processes one test starts, each stopped after the test whatever its outcome (before its temporary directory is
 * deleted), so that none outlives it holding a database file, a port or the CPU. Register it as a field:
 * <pre>{@code @RegisterExtension final StartedProcesses<Process> started = StartedProcesses.killed();}</pre>
 * Not thread-safe: add processes from the test's thread.
 *
 * @param <P> the handle of a process: a {@link Process}, or a test's own view of one
 */
public final class StartedProcesses<P> implements AfterEachCallback {
    private final Consumer<? super P> stop;
    private final List<P> started = new ArrayList<>();

    private StartedProcesses(Consumer<? super P> stop) {
        this.stop = stop;
    }

    /** Processes killed ({@link Process#destroyForcibly}) after the test. */
    public static StartedProcesses<Process> killed() {
        return stoppedBy(Process::destroyForcibly);
    }

    /** Processes stopped by {@code stop} after the test. */
    public static <P> StartedProcesses<P> stoppedBy(Consumer<? super P> stop) {
        return new StartedProcesses<>(stop);
    }

    /** Stops {@code process} after the test; returns it. */
    public P add(P process) {
        started.add(process);
        return process;
    }

    /** Every process added, in the order they were. */
    public List<P> all() {
        return List.copyOf(started);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        started.forEach(stop);
    }
}
