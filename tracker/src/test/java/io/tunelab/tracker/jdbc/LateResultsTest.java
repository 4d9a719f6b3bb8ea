package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.storage.StorageException;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.summary.TextSummary;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker that kept a trial's result through a database outage, while another worker failed the trial as stale and
 * enqueued its retry, still has the result recorded: on the retry while no worker has started it.
 */
class LateResultsTest {
    @TempDir
    Path tmp;
    WorkersOnOneDatabase workers;
    MutableClock clock;

    @BeforeEach
    void open() {
        workers = new WorkersOnOneDatabase(tmp);
        clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    }

    @AfterEach
    void close() {
        workers.close();
    }

    private JdbcTrialStorage worker() {
        return workers.storage(clock, true);
    }

    private static long study(JdbcTrialStorage s, int maxRetries) {
        return WorkersOnOneDatabase.study(s, maxRetries);
    }

    /** The other worker sees no heartbeat of {@code trial} for three hours and reaps it. */
    private void reapedByAnother(JdbcTrialStorage other, long study) {
        clock.advance(WorkersOnOneDatabase.HOUR.multipliedBy(3));
        assertThat(other.reapStaleTrials(study)).isNotEmpty();
    }

    @Test
    void aResultArrivingAfterItsTrialWasReapedIsRecordedOnItsRetryWhileNoWorkerStartedIt() {
        JdbcTrialStorage here = worker();
        JdbcTrialStorage other = worker();
        long study = study(here, 2);
        FrozenTrial t = here.createRunningTrial(study);
        here.setParam(t.id(), "x", 0.25, FloatDistribution.uniform(0, 1));
        here.setIntermediateValue(t.id(), 0, 0.5);
        here.setUserAttr(t.id(), "note", "kept");
        reapedByAnother(other, study);

        assertThat(here.finishTrial(t.id(), TrialState.COMPLETE, List.of(0.3), null)).isTrue();

        FrozenTrial reaped = here.trial(t.id());
        assertThat(reaped.state()).isEqualTo(TrialState.FAIL);
        assertThat(reaped.systemAttrs()).containsEntry(TrialStorage.RETRIED_BY, 1).containsEntry(TrialStorage.SUPERSEDED, true);
        FrozenTrial retry = other.trialByNumber(study, 1);
        assertThat(retry.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(retry.values()).containsExactly(0.3);
        assertThat(retry.params()).isEqualTo(Map.of("x", 0.25));
        assertThat(retry.intermediateValues()).containsEntry(0, 0.5);
        assertThat(retry.userAttrs()).containsEntry("note", "kept");
        assertThat(retry.systemAttrs()).containsEntry(TrialStorage.RESULT_OF, 0).containsEntry(TrialStorage.RETRY_OF, 0)
                .doesNotContainKey("fail_kind");
        assertThat(retry.start()).isEqualTo(t.start());
        assertThat(other.claimWaitingTrial(study)).as("nothing left to run again").isEmpty();
        assertThat(other.unsettledTrials(study)).isZero();
    }

    @Test
    void theMetricsSummariesAndArtifactsThatProducedALateResultMoveWithItToTheRetry() throws Exception {
        JdbcTrialStorage here = worker();
        JdbcTrialStorage other = worker();
        long study = study(here, 2);
        FrozenTrial t = here.createRunningTrial(study);
        here.logMetrics(t.id(), List.of(new MetricPoint("val_loss", 0, 0.9, clock.instant()),
                new MetricPoint("val_loss", 1, 0.4, clock.instant())));
        here.flush();
        here.logSummaries(t.id(), List.of(new LoggedSummary("notes", 1, clock.instant(), new TextSummary("converged"))));
        Path model = Files.writeString(tmp.resolve("model.bin"), "weights");
        here.storeArtifact(t.id(), "model.bin", model);
        reapedByAnother(other, study);

        assertThat(here.finishTrial(t.id(), TrialState.COMPLETE, List.of(0.4), null)).isTrue();

        FrozenTrial retry = other.trialByNumber(study, 1);
        assertThat(other.metricNames(retry.id())).containsExactly("val_loss");
        assertThat(other.metrics(retry.id(), "val_loss")).extracting(MetricPoint::value).containsExactly(0.9, 0.4);
        assertThat(other.summaryTags(retry.id())).extracting(SummaryTag::tag).containsExactly("notes");
        assertThat(other.artifacts(retry.id())).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("model.bin");
            assertThat(Path.of(a.uri())).hasContent("weights");
        });
        assertThat(other.metricNames(t.id())).as("the reaped trial's").isEmpty();
        assertThat(other.artifacts(t.id())).as("the reaped trial's").isEmpty();
    }

    @Test
    void aResultArrivingAfterAnotherWorkerStartedTheRetryIsAConflictAndTheRetryIsLeftToThatWorker() {
        JdbcTrialStorage here = worker();
        JdbcTrialStorage other = worker();
        long study = study(here, 2);
        FrozenTrial t = here.createRunningTrial(study);
        reapedByAnother(other, study);
        FrozenTrial running = other.claimWaitingTrial(study).orElseThrow();

        assertThatThrownBy(() -> here.finishTrial(t.id(), TrialState.COMPLETE, List.of(0.3), null))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.CONFLICT));

        assertThat(other.trial(running.id()).state()).isEqualTo(TrialState.RUNNING);
        assertThat(other.finishTrial(running.id(), TrialState.COMPLETE, List.of(0.4), null)).isTrue();
    }

    @Test
    void aRetryThatWasReapedInTurnPassesTheResultOnToItsOwnWaitingRetry() {
        JdbcTrialStorage here = worker();
        JdbcTrialStorage other = worker();
        long study = study(here, 2);
        FrozenTrial t = here.createRunningTrial(study);
        reapedByAnother(other, study);
        other.claimWaitingTrial(study).orElseThrow();
        reapedByAnother(here, study);

        assertThat(here.finishTrial(t.id(), TrialState.COMPLETE, List.of(0.3), null)).isTrue();

        assertThat(other.trials(study, Set.of(TrialState.COMPLETE))).singleElement()
                .satisfies(done -> assertThat(done.number()).isEqualTo(2))
                .satisfies(done -> assertThat(done.systemAttrs()).containsEntry(TrialStorage.RESULT_OF, 0));
    }

    @Test
    void aStudyTellingTheResultOfAReapedTrialGetsTheRetryHoldingIt() {
        JdbcTrialStorage here = worker();
        JdbcTrialStorage other = worker();
        long study = study(here, 2);
        Study s = Study.builder("s").storage(here).direction(Direction.MINIMIZE).load();
        Trial trial = s.ask();
        reapedByAnother(other, study);

        FrozenTrial told = s.tell(trial.number(), TrialState.COMPLETE, 0.3);

        assertThat(told.number()).isEqualTo(1);
        assertThat(told.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(s.bestTrial().number()).isEqualTo(1);
    }
}
