package io.tunelab.dashboard.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.dashboard.TestTrackers;
import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tracker's change feed reads only what changed, never the whole study again. */
class TrackerChangeFeedTest {
    private static final int TRIALS = 200;

    @TempDir
    Path dir;
    Tracker tracker;
    Study study;

    @BeforeEach
    void fillAStudy() {
        tracker = Tracker.open(TrackerConfig.inDirectory(dir));
        study = Study.builder("feed").storage(tracker.storage()).seed(5).sampler(RandomSampler::new).create();
        study.optimize(t -> {
            double x = t.suggestFloat("x", 0, 1);
            t.log("loss", 0, x);
            return x;
        }, OptimizeOptions.trials(TRIALS).withParallelism(1));
        tracker.storage().flush();
    }

    @AfterEach
    void close() {
        tracker.close();
    }

    @Test
    void aStudyUserAttributeSetAfterTheCursorIsAChangeOfTheStudyOnce() {
        TrackerDashboardData data = new TrackerDashboardData(TestTrackers.ports(tracker), null, 0);
        long cursor = data.changes(study.studyId(), data.cursor()).cursor();
        assertThat(data.changes(study.studyId(), cursor).study()).isFalse();

        study.setUserAttr("owner", "ana");
        Changes changes = data.changes(study.studyId(), cursor);
        assertThat(changes.study()).as("the study's user attributes changed").isTrue();
        assertThat(changes.trials()).isEmpty();
        assertThat(data.changes(study.studyId(), changes.cursor()).study()).isFalse();
        assertThat(data.changes(study.studyId(), cursor).study()).as("asked again from the first cursor").isTrue();
    }

    @Test
    void aStudyUserAttributeSetBetweenThePagesReadAndItsStreamsFirstRequestIsAChangeOfTheStudy() {
        TrackerDashboardData data = new TrackerDashboardData(TestTrackers.ports(tracker), null, 0);
        long cursor = data.cursor();
        data.study(study.studyId());
        study.setUserAttr("owner", "ana");

        Changes changes = data.changes(study.studyId(), cursor);
        assertThat(changes.study()).as("the attribute set after the page read the study").isTrue();
        assertThat(data.changes(study.studyId(), changes.cursor()).study()).isFalse();
    }

    @Test
    void aRefreshReadsOnlyTheChangedTrialsAndTheGrownSeries() {
        Trial running = study.ask();
        TrackerDashboardData data = new TrackerDashboardData(TestTrackers.ports(tracker), null, 0);
        long cursor = data.cursor();
        long rowsBefore = data.changeFeedRowsRead();

        running.suggestFloat("x", 0, 1);
        running.report(0, 0.9);
        running.log("loss", 0, 0.9);
        running.log("loss", 1, 0.8);
        tracker.storage().flush();
        study.tell(study.ask(), 0.5);
        Changes changes = data.changes(study.studyId(), cursor);

        assertThat(changes.reset()).isFalse();
        assertThat(changes.trials()).extracting(FrozenTrial::number).containsExactly(TRIALS, TRIALS + 1);
        assertThat(changes.trials().get(0).intermediateValues()).containsEntry(0, 0.9);
        assertThat(changes.metrics()).singleElement().satisfies(m -> {
            assertThat(m.number()).isEqualTo(TRIALS);
            assertThat(m.count()).isEqualTo(2);
            assertThat(m.lastStep()).isEqualTo(1);
        });
        long rowsRead = data.changeFeedRowsRead() - rowsBefore;
        assertThat(rowsRead).as("rows read for 2 changed trials in a study of %d", TRIALS).isLessThanOrEqualTo(8);

        long next = changes.cursor();
        assertThat(data.changes(study.studyId(), next).isEmpty()).isTrue();
        study.tell(running, 0.25);
        Changes later = data.changes(study.studyId(), next);
        assertThat(later.trials()).extracting(FrozenTrial::number, FrozenTrial::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TRIALS, TrialState.COMPLETE));
    }

    @Test
    void aCursorThisFeedDidNotIssueAsksTheReaderToReload() {
        TrackerDashboardData data = new TrackerDashboardData(TestTrackers.ports(tracker), null, 0);
        long cursor = data.cursor();
        assertThat(data.changes(study.studyId(), 999_999).reset()).isTrue();
        assertThat(data.changes(study.studyId(), cursor + 1_000).reset()).isTrue();
        assertThat(data.changes(study.studyId(), cursor).reset()).isFalse();
    }

    @Test
    void aStudyCreatedAfterTheFeedStartedReportsAllItsTrials() {
        TrackerDashboardData data = new TrackerDashboardData(TestTrackers.ports(tracker), null, 0);
        long cursor = data.cursor();
        Study later = Study.builder("later").storage(tracker.storage()).seed(1).create();
        later.tell(later.ask(), 1.0);
        later.tell(later.ask(), 2.0);
        assertThat(data.changes(later.studyId(), cursor).trials()).extracting(FrozenTrial::number).containsExactly(0, 1);
        assertThat(data.changes(study.studyId(), cursor).isEmpty()).isTrue();
    }
}
