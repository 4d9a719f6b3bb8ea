package io.tunelab.cli.cluster;

import java.time.Duration;

/**
 * What a soak run did and found.
 *
 * @param elapsed          from the workers' start to the last worker's end
 * @param kills            workers killed with {@code kill -9}, by the plan and at the window's end
 * @param killsAtEnd       of those, the workers killed at the window's end
 * @param replacements     workers started in place of killed ones
 * @param postgresRestarts PostgreSQL restarts
 * @param trials           trials in the study, every state
 * @param complete         COMPLETE trials
 * @param budget           the study's budget, as lowered at the window's end
 * @param resumed          trials that continued from another trial's checkpoint
 * @param restartedAfresh  retries that found no checkpoint (their trial died in its first epoch)
 * @param staleRetried     trials failed as stale and superseded by a retry
 * @param outOfRetries     trials failed as stale and not retried: the study's retries of their trial were spent
 * @param acknowledged     metric points the database acknowledged to the workers
 * @param lost             acknowledged points missing from the database
 */
record SoakFigures(Duration elapsed, int kills, int killsAtEnd, int replacements, int postgresRestarts, int trials,
                   int complete, int budget, int resumed, int restartedAfresh, int staleRetried, int outOfRetries,
                   int acknowledged, int lost) {
    @Override
    public String toString() {
        return String.format("soak figures: %d s, %d kills (%d at the window's end), %d replacement starts,"
                        + " %d PostgreSQL restarts, %d trials (%d COMPLETE of a budget of %d), %d resumed trials,"
                        + " %d retries started afresh, %d stale trials retried, %d trials out of retries,"
                        + " %d acknowledged points, %d lost points",
                elapsed.toSeconds(), kills, killsAtEnd, replacements, postgresRestarts, trials, complete, budget, resumed,
                restartedAfresh, staleRetried, outOfRetries, acknowledged, lost);
    }
}
