package io.tunelab.trainers.testing;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures of native memory for tests: the NDArrays alive under the engine's root manager, and the
 * process's resident memory (which, with a fixed and pre-touched heap, moves with native allocations only).
 */
public final class NativeMemory {
    private NativeMemory() {
    }

    /** Arrays alive anywhere under the engine's root manager (every model's manager is a child of it). */
    public static int liveArrays() {
        try (NDManager probe = NDManager.newBaseManager()) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }

    /** This process's resident set size in bytes ({@code VmRSS} of {@code /proc/self/status}). */
    public static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS line in /proc/self/status");
    }
}
