package io.tunelab.bench.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The disk's synchronous-write rate: appends 4 KiB and forces it to the device ({@code fsync}), over
 * and over, in the directory the database lives in. Printed beside the storage figures so that runs
 * on machines with different disks can be compared (a commit that reaches the disk costs about one
 * such write).
 */
public final class FsyncProbe {
    private static final int BLOCK = 4096;

    private FsyncProbe() {
    }

    /**
     * Synchronous 4 KiB writes per second in {@code directory}, measured for {@code writes} writes or
     * until {@code maxMillis} have passed (at least 5 writes); the probe file is deleted afterwards.
     */
    public static double writesPerSecond(Path directory, int writes, long maxMillis) {
        Path file = directory.resolve("fsync-probe.bin");
        ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
        try {
            Files.createDirectories(directory);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                long began = System.nanoTime();
                long deadline = began + maxMillis * 1_000_000L;
                int done = 0;
                while (done < writes && (done < 5 || System.nanoTime() < deadline)) {
                    block.clear();
                    block.putLong(0, done);
                    ch.write(block);
                    ch.force(true);
                    done++;
                }
                return done / ((System.nanoTime() - began) / 1e9);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("fsync probe in " + directory + " failed: " + e.getMessage(), e);
        }
    }
}
