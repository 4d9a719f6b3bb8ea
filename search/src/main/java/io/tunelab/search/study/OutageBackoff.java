package io.tunelab.search.study;

import io.tunelab.search.storage.StorageException;
import java.time.Duration;

/**
 * The pauses between attempts of one storage call while the storage is unreachable: {@value #FIRST_PAUSE_MS} ms,
 * doubling up to {@value #MAX_PAUSE_MS} ms. Not thread-safe; one per retried call.
 */
final class OutageBackoff {
    static final long FIRST_PAUSE_MS = 500;
    static final long MAX_PAUSE_MS = 30_000;

    private long pause = FIRST_PAUSE_MS;

    /** Whether {@code e}, or what caused it, is the storage saying it cannot be reached (UNAVAILABLE). */
    static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StorageException s && s.kind() == StorageException.Kind.UNAVAILABLE) {
                return true;
            }
        }
        return false;
    }

    /** A tolerance as the storage's messages say it: "2 min", "45 s". */
    static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 60 && s % 60 == 0 ? s / 60 + " min" : s + " s";
    }

    /**
     * Sleeps the next pause, at most {@code left}; false when the thread was interrupted meanwhile (its interrupt flag
     * is set again).
     */
    boolean pause(Duration left) {
        try {
            Thread.sleep(Math.max(1, Math.min(pause, left.toMillis())));
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            return false;
        }
        pause = Math.min(pause * 2, MAX_PAUSE_MS);
        return true;
    }
}
