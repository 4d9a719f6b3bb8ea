package io.tunelab.tracker.jdbc;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.config.StorageOptions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How {@link JdbcTrialStorage} ends a trial, in one durable transaction: a late COMPLETE or PRUNED outcome of a trial
 * failed as stale meanwhile goes to its waiting retry ({@link LateResults}); an interrupted trial is retried as a stale
 * one is ({@link StaleTrialReaper}); the trial's provenance is written with it when the options ask. Thread-safe.
 */
final class TrialEndTransaction {
    private final Database db;
    private final StorageOptions options;
    private final TrialLoader loader;
    private final TrialCommands commands;
    private final StaleTrialReaper reaper;
    private final LateResults lateResults;

    TrialEndTransaction(Database db, StorageOptions options, TrialLoader loader, TrialCommands commands, StaleTrialReaper reaper) {
        this.db = db;
        this.options = options;
        this.loader = loader;
        this.commands = commands;
        this.reaper = reaper;
        this.lateResults = new LateResults(loader, commands);
    }

    /**
     * Finishes the trial as {@link TrialStorage#finishTrial(long, TrialState, List, String, Instant, Instant)} says;
     * the trial that holds the outcome (it, or its retry) as it is now, or empty when it had already finished so.
     */
    Optional<FrozenTrial> finish(long trialId, TrialState state, List<Double> values, String message, Instant start,
                                 Instant now) {
        if (!state.isFinished()) {
            throw TrackerException.invalid("a trial can only be finished as COMPLETE, PRUNED or FAIL, got " + state);
        }
        if (start != null && now.isBefore(start)) {
            throw TrackerException.invalid("trial end " + now + " is before its start " + start);
        }
        return db.inDurableTransaction(c -> {
            long recorded = state == TrialState.FAIL ? trialId
                    : lateResults.recordOnRetry(c, trialId, state, values, message, now).orElse(trialId);
            if (recorded == trialId && !commands.finish(c, trialId, state, values, message, start, now)) {
                return Optional.empty();
            }
            if (isInterruption(state, message)) {
                reaper.interrupted(c, trialId);
            }
            FrozenTrial t = loader.load(c, recorded);
            if (options.recordProvenance()) {
                long studyId = loader.findHead(c, recorded).orElseThrow().studyId();
                JdbcProvenanceStore.write(c, JdbcProvenanceStore.fromStudy(c, studyId, recorded, t.systemAttrs(),
                        t.userAttrs(), options.workerId(), t.start(), t.end()));
            }
            return Optional.of(t);
        });
    }

    /**
     * Whether a trial ends because something outside it cut it short ({@link TrialStorage#INTERRUPTION_PREFIX}: the
     * storage's exit hook, {@code tunelab run}'s Ctrl-C hook, a study whose storage was unreachable while the trial
     * ran): such a trial is retried as a stale one is ({@link StaleTrialReaper}).
     */
    private static boolean isInterruption(TrialState state, String message) {
        return state == TrialState.FAIL && message != null && message.startsWith(TrialStorage.INTERRUPTION_PREFIX);
    }
}
