package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.MutableClock;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.liveness.RetryPolicy;
import io.tunelab.tracker.query.StudySummary;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heartbeats, the stale-trial reaper and retries of trials whose worker died. */
class StaleTrialTest {
    private static final Duration HOUR = WorkersOnOneDatabase.HOUR;

    @TempDir
    Path tmp;
    WorkersOnOneDatabase workers;
    Database db;
    MutableClock clock;

    @BeforeEach
    void open() {
        workers = new WorkersOnOneDatabase(tmp);
        db = workers.db;
        clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    }

    @AfterEach
    void close() {
        workers.close();
    }

    private JdbcTrialStorage storage(MutableClock c, boolean heartbeats) {
        return workers.storage(c, heartbeats);
    }

    private static long study(JdbcTrialStorage s, int maxRetries) {
        return WorkersOnOneDatabase.study(s, maxRetries);
    }

    @Test
    void aTrialSilentForLongerThanTheGraceIsFailedAsStaleAndNotRetriedWithoutAPolicy() {
        JdbcTrialStorage s = storage(clock, true);
        long study = study(s, 0);
        FrozenTrial t = s.createRunningTrial(study);
        clock.advance(HOUR);
        assertThat(s.reapStaleTrials(study)).isEmpty();
        clock.advance(HOUR.multipliedBy(2));
        List<FrozenTrial> reaped = s.reapStaleTrials(study);
        assertThat(reaped).extracting(FrozenTrial::id).containsExactly(t.id());
        FrozenTrial failed = s.trial(t.id());
        assertThat(failed.state()).isEqualTo(TrialState.FAIL);
        assertThat(failed.message()).isEqualTo("stale: worker stopped responding; not retried (max_retries 0)");
        assertThat(failed.systemAttrs()).containsEntry("fail_kind", "stale").doesNotContainKey("retried_by")
                .doesNotContainKey(TrialStorage.SUPERSEDED);
        assertThat(s.trials(study, Set.of(TrialState.WAITING))).isEmpty();
    }

    @Test
    void aStaleTrialIsEnqueuedAgainWithItsParametersWhileThePolicyAllows() {
        JdbcTrialStorage s = storage(clock, true);
        long study = study(s, 1);
        FrozenTrial t = s.createRunningTrial(study);
        s.setParam(t.id(), "x", 0.25, FloatDistribution.uniform(0, 1));
        clock.advance(HOUR.multipliedBy(3));
        s.reapStaleTrials(study);
        FrozenTrial retry = s.trials(study, Set.of(TrialState.WAITING)).get(0);
        assertThat(retry.number()).isEqualTo(1);
        assertThat(retry.systemAttrs()).containsEntry("retry_of", 0).containsEntry("retry_count", 1)
                .containsEntry("fixed_params", java.util.Map.of("x", 0.25));
        assertThat(s.trial(t.id()).systemAttrs()).containsEntry("retried_by", 1)
                .containsEntry(TrialStorage.SUPERSEDED, true);

        FrozenTrial claimed = s.claimWaitingTrial(study).orElseThrow();
        assertThat(claimed.number()).isEqualTo(1);
        clock.advance(HOUR.multipliedBy(3));
        assertThat(s.reapStaleTrials(study)).extracting(FrozenTrial::number).containsExactly(1);
        assertThat(s.trials(study, Set.of(TrialState.WAITING))).as("max_retries 1 is used up").isEmpty();
    }

    @Test
    void aTrialWhoseWorkersKeepDyingIsRetriedExactlyMaxRetriesTimesThenLeftFailedWithItsRetriesExhausted() {
        JdbcTrialStorage s = storage(clock, true);
        long study = study(s, 3);
        FrozenTrial original = s.createRunningTrial(study);
        s.setParam(original.id(), "x", 0.5, FloatDistribution.uniform(0, 1));
        for (int retry = 1; retry <= 3; retry++) {
            clock.advance(HOUR.multipliedBy(3));
            assertThat(s.reapStaleTrials(study)).hasSize(1);
            FrozenTrial next = s.claimWaitingTrial(study).orElseThrow();
            assertThat(next.systemAttrs()).containsEntry("retry_count", retry).containsEntry("retry_of", retry - 1);
            assertThat(next.systemAttrs()).containsEntry("fixed_params", java.util.Map.of("x", 0.5));
            s.setParam(next.id(), "x", 0.5, FloatDistribution.uniform(0, 1)); // as the study's ask does
        }
        clock.advance(HOUR.multipliedBy(3));
        List<FrozenTrial> last = s.reapStaleTrials(study);

        assertThat(last).extracting(FrozenTrial::number).containsExactly(3);
        assertThat(s.trials(study, Set.of(TrialState.WAITING))).as("no fourth retry").isEmpty();
        List<FrozenTrial> all = s.trials(study, EnumSet.allOf(TrialState.class));
        assertThat(all).hasSize(4).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.FAIL));
        assertThat(all.subList(0, 3)).allSatisfy(t -> {
            assertThat(t.message()).isEqualTo("stale: worker stopped responding");
            assertThat(t.systemAttrs()).containsEntry(TrialStorage.SUPERSEDED, true);
        });
        assertThat(all.get(3).message())
                .isEqualTo("stale: worker stopped responding; retries exhausted (3 of max_retries 3)");
        assertThat(all.get(3).systemAttrs()).containsEntry("fail_kind", "stale").doesNotContainKey("retried_by")
                .doesNotContainKey(TrialStorage.SUPERSEDED);
    }

    @Test
    void aHeartbeatWithinTheGraceKeepsATrialRunning() {
        JdbcTrialStorage s = storage(clock, true);
        long study = study(s, 0);
        FrozenTrial t = s.createRunningTrial(study);
        clock.advance(HOUR.plusMinutes(30));
        s.heartbeat(t.id());
        clock.advance(HOUR.plusMinutes(30));
        assertThat(s.reapStaleTrials(study)).isEmpty();
        assertThat(s.trial(t.id()).state()).isEqualTo(TrialState.RUNNING);
    }

    /** A worker beating every 10 minutes with a 20-minute grace, beside the default 1 h / 2 h workers. */
    private JdbcTrialStorage eager(MutableClock c) {
        return workers.storage(StorageOptions.defaults().withClock(c)
                .withHeartbeat(Duration.ofMinutes(10), Duration.ofMinutes(20)));
    }

    @Test
    void aReaperWithAShorterGraceJudgesATrialByItsOwnWorkersGraceAndStillReapsADeadOne() {
        JdbcTrialStorage slow = storage(clock, true);
        JdbcTrialStorage fast = eager(clock);
        long study = study(slow, 1);
        FrozenTrial healthy = slow.createRunningTrial(study);
        FrozenTrial quick = fast.createRunningTrial(study);
        clock.advance(HOUR.minusMinutes(1));
        // the slow worker's last beat is 59 min old: within its 2 h grace, however short the reaper's is
        assertThat(fast.reapStaleTrials(study)).extracting(FrozenTrial::id).containsExactly(quick.id());
        assertThat(slow.finishTrial(healthy.id(), TrialState.COMPLETE, List.of(1.0), null)).isTrue();
        assertThat(slow.trial(healthy.id()).state()).isEqualTo(TrialState.COMPLETE);

        FrozenTrial dead = slow.createRunningTrial(study);
        clock.advance(HOUR.multipliedBy(2).plusMinutes(1));
        assertThat(fast.reapStaleTrials(study)).extracting(FrozenTrial::id).containsExactly(dead.id());
        assertThat(fast.trial(dead.id()).message()).isEqualTo(StaleTrialReaper.REASON);
    }

    @Test
    void anInterruptedTrialIsRetriedAsAStaleOneAndNoLongerCountsTowardTheBudget() {
        JdbcTrialStorage s = storage(clock, true);
        long study = study(s, 2);
        FrozenTrial done = s.startTrialWithinBudget(study, 2).orElseThrow();
        s.finishTrial(done.id(), TrialState.COMPLETE, List.of(1.0), null);
        FrozenTrial stopped = s.startTrialWithinBudget(study, 2).orElseThrow();
        s.setParam(stopped.id(), "x", 0.25, FloatDistribution.uniform(0, 1));
        assertThat(s.finishTrial(stopped.id(), TrialState.FAIL, List.of(), JdbcTrialStorage.INTERRUPTED)).isTrue();

        FrozenTrial failed = s.trial(stopped.id());
        assertThat(failed.systemAttrs()).containsEntry("fail_kind", "interrupted").containsEntry(TrialStorage.SUPERSEDED, true)
                .containsEntry("retried_by", 2);
        // another worker (or the next run) claims the retry within the budget of 2
        FrozenTrial retry = s.startTrialWithinBudget(study, 2).orElseThrow();
        assertThat(retry.number()).isEqualTo(2);
        assertThat(retry.systemAttrs()).containsEntry("fixed_params", java.util.Map.of("x", 0.25));
        assertThat(retry.systemAttrs()).containsEntry(TrialStorage.RETRY_OF, 1).containsEntry("retry_count", 1);
        s.finishTrial(retry.id(), TrialState.COMPLETE, List.of(2.0), null);
        assertThat(s.startTrialWithinBudget(study, 2)).isEmpty();
    }

    @Test
    void anInterruptedTrialBeyondThePolicySaysWhyItIsNotRetried() {
        JdbcTrialStorage s = storage(clock, true);
        long study = study(s, 0);
        FrozenTrial t = s.createRunningTrial(study);
        s.finishTrial(t.id(), TrialState.FAIL, List.of(), JdbcTrialStorage.INTERRUPTED);

        assertThat(s.trial(t.id()).message()).isEqualTo(JdbcTrialStorage.INTERRUPTED + "; not retried (max_retries 0)");
        assertThat(s.trial(t.id()).systemAttrs()).doesNotContainKey(TrialStorage.SUPERSEDED);
        assertThat(s.trials(study, EnumSet.of(TrialState.WAITING))).isEmpty();
    }

    @Test
    void trialsStartedWithoutHeartbeatsAreNeverReaped() {
        JdbcTrialStorage quiet = storage(clock, false);
        long study = study(quiet, 3);
        FrozenTrial t = quiet.createRunningTrial(study);
        MutableClock later = new MutableClock(clock.instant().plus(HOUR.multipliedBy(100)));
        assertThat(storage(later, true).reapStaleTrials(study)).isEmpty();
        assertThat(quiet.trial(t.id()).state()).isEqualTo(TrialState.RUNNING);
    }

    @Test
    void concurrentReapersFailAndRetryAStaleTrialOnce() throws Exception {
        JdbcTrialStorage s = storage(clock, true);
        long study = study(s, 5);
        s.createRunningTrial(study);
        clock.advance(HOUR.multipliedBy(3));
        List<JdbcTrialStorage> reapers = List.of(s, storage(clock, true), storage(clock, true), storage(clock, true));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<List<FrozenTrial>>> futures = new ArrayList<>();
        for (JdbcTrialStorage r : reapers) {
            futures.add(pool.submit(() -> r.reapStaleTrials(study)));
        }
        int reaped = 0;
        for (Future<List<FrozenTrial>> f : futures) {
            reaped += f.get(2, TimeUnit.MINUTES).size();
        }
        pool.shutdown();
        assertThat(reaped).isEqualTo(1);
        assertThat(s.trials(study, EnumSet.allOf(TrialState.class))).extracting(FrozenTrial::state)
                .containsExactly(TrialState.FAIL, TrialState.WAITING);
        assertMaintainedSummaryAgrees(s, study);
    }

    /** The reaper's FAIL and the retry's WAITING trial moved the maintained counts as the trials say. */
    private void assertMaintainedSummaryAgrees(JdbcTrialStorage s, long study) {
        assertThat(new JdbcTrackerQueries(db, s, new JdbcProvenanceStore(db)).study(study))
                .isEqualTo(StudySummary.of(s.study(study), s.trials(study, EnumSet.allOf(TrialState.class))));
    }

    @Test
    void aStudyRerunsTheTrialOfADeadWorkerWithTheSameParameters() {
        JdbcTrialStorage dead = storage(clock, true);
        Study first = Study.builder("s").storage(dead).seed(3).sampler(RandomSampler::new).create();
        dead.setStudySystemAttr(first.studyId(), RetryPolicy.ATTR, new RetryPolicy(2).toAttr());
        Trial abandoned = first.ask();
        double x = abandoned.suggestFloat("x", -5, 5);

        MutableClock later = new MutableClock(clock.instant().plus(HOUR.multipliedBy(3)));
        JdbcTrialStorage alive = storage(later, true);
        Study second = Study.builder("s").storage(alive).seed(3).sampler(RandomSampler::new).load();
        second.optimize(trial -> trial.suggestFloat("x", -5, 5) * 2, OptimizeOptions.trials(1).withParallelism(1));

        List<FrozenTrial> all = alive.trials(second.studyId(), EnumSet.allOf(TrialState.class));
        assertThat(all).extracting(FrozenTrial::state).containsExactly(TrialState.FAIL, TrialState.COMPLETE);
        assertThat(all.get(0).systemAttrs()).containsEntry("fail_kind", "stale").containsEntry("retried_by", 1);
        assertThat(all.get(1).params()).containsEntry("x", x);
        assertThat(all.get(1).systemAttrs()).containsEntry("retry_of", 0);
        assertThat(all.get(1).value()).isEqualTo(x * 2);
        assertMaintainedSummaryAgrees(alive, second.studyId());
    }

    @Test
    void anObjectiveFailureIsNotMistakenForAStaleWorker() {
        JdbcTrialStorage s = storage(clock, true);
        Study study = Study.builder("s").storage(s).create();
        study.optimize(trial -> {
            throw new IllegalStateException("diverged");
        }, OptimizeOptions.trials(1).withParallelism(1));
        FrozenTrial failed = s.trialByNumber(study.studyId(), 0);
        assertThat(failed.state()).isEqualTo(TrialState.FAIL);
        assertThat(failed.message()).contains("diverged");
        assertThat(failed.systemAttrs()).doesNotContainKey("fail_kind");
    }

    @Test
    void theHeartbeatThreadRefreshesRunningTrialsAndStopsWhenTheyFinish() throws Exception {
        JdbcTrialStorage s = workers.storage(StorageOptions.defaults().withHeartbeat(Duration.ofMillis(20), Duration.ofSeconds(1)));
        long study = s.createStudy("beating", List.of(Direction.MINIMIZE)).id();
        FrozenTrial t = s.createRunningTrial(study);
        long first = heartbeatNanos(t.id());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (heartbeatNanos(t.id()) == first && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(heartbeatNanos(t.id())).isGreaterThan(first);
        s.finishTrial(t.id(), TrialState.COMPLETE, List.of(1.0), null);
        long last = heartbeatNanos(t.id());
        Thread.sleep(100);
        assertThat(heartbeatNanos(t.id())).isEqualTo(last);
    }

    @Test
    void aDeadWorkersTrialIsFailedWithinGracePlusOneIntervalByWorkersStillRunningTrialsAndRetriedOnce()
            throws Exception {
        Duration interval = Duration.ofMillis(100);
        Duration grace = Duration.ofMillis(600);
        StorageOptions beating = StorageOptions.defaults().withHeartbeat(interval, grace);
        JdbcTrialStorage dying = workers.storage(beating);
        long study = study(dying, 3);
        FrozenTrial dead = dying.createRunningTrial(study);
        JdbcTrialStorage first = workers.storage(beating);
        JdbcTrialStorage second = workers.storage(beating);
        FrozenTrial running = first.createRunningTrial(study);
        FrozenTrial alsoRunning = second.createRunningTrial(study);
        dying.close(); // its heartbeats stop, as when the process is killed; nobody asks for a trial from now on

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (first.trial(dead.id()).state() == TrialState.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        FrozenTrial failed = first.trial(dead.id());
        assertThat(failed.state()).isEqualTo(TrialState.FAIL);
        assertThat(failed.systemAttrs()).containsEntry("fail_kind", "stale");
        long silentNanos = Times.toNanos(failed.end()) - heartbeatNanos(dead.id());
        // one interval for the round to come, and some slack for a busy machine's scheduling
        assertThat(Duration.ofNanos(silentNanos)).isLessThanOrEqualTo(grace.plus(interval).plusMillis(400));
        assertThat(first.trial(running.id()).state()).isEqualTo(TrialState.RUNNING);
        assertThat(first.trial(alsoRunning.id()).state()).isEqualTo(TrialState.RUNNING);
        Thread.sleep(3 * interval.toMillis());
        assertThat(first.trials(study, Set.of(TrialState.WAITING))).singleElement()
                .satisfies(retry -> assertThat(retry.systemAttrs()).containsEntry("retry_of", dead.number()));
        assertMaintainedSummaryAgrees(first, study);
    }

    private long heartbeatNanos(long trialId) {
        return db.read(c -> {
            try (var ps = c.prepareStatement("SELECT heartbeat_ns FROM trials WHERE trial_id = ?")) {
                ps.setLong(1, trialId);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }
}
