package io.tunelab.tracker.jdbc;

import io.tunelab.tracker.TrackerException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trial ids {@link JdbcTrialStorage} has seen exist, so that a read which found nothing and a queued write ask the
 * database whether the trial exists at most once per trial. Thread-safe.
 */
final class KnownTrials {
    private final Database db;
    private final TrialLoader loader;
    private final Set<Long> known = ConcurrentHashMap.newKeySet();

    KnownTrials(Database db, TrialLoader loader) {
        this.db = db;
        this.loader = loader;
    }

    /** Remembers a trial this storage created or started. */
    void add(long trialId) {
        known.add(trialId);
    }

    /** Returns if the trial exists; {@link TrackerException} NOT_FOUND otherwise. */
    void require(long trialId) {
        if (!known.contains(trialId)) {
            db.read(c -> loader.findHead(c, trialId))
                    .orElseThrow(() -> TrackerException.notFound("no trial with id " + trialId));
            known.add(trialId);
        }
    }
}
