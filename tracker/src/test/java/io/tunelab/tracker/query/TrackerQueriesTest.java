package io.tunelab.tracker.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.TestTrackers;
import io.tunelab.tracker.setup.Tracker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackerQueriesTest {
    @TempDir
    Path tmp;
    Tracker tracker;
    TrackerQueries queries;

    @BeforeEach
    void open() {
        tracker = TestTrackers.open(tmp);
        queries = tracker.queries();
    }

    @AfterEach
    void close() {
        tracker.close();
    }

    private Study study(String name, Direction direction, int trials) {
        Study s = Study.builder(name).storage(tracker.storage()).direction(direction).seed(1)
                .sampler(RandomSampler::new).create();
        s.optimize(t -> t.suggestFloat("x", 0, 10), OptimizeOptions.trials(trials).withParallelism(1));
        return s;
    }

    @Test
    void studySummariesCountTrialsByStateAndKnowTheBestTrial() {
        Study min = study("min", Direction.MINIMIZE, 5);
        Study max = study("max", Direction.MAXIMIZE, 4);
        tracker.storage().createRunningTrial(max.studyId());
        List<StudySummary> all = queries.studies();
        assertThat(all).extracting(StudySummary::name).containsExactly("min", "max");
        StudySummary a = all.get(0);
        assertThat(a.counts()).containsEntry(TrialState.COMPLETE, 5).containsEntry(TrialState.RUNNING, 0);
        assertThat(a.bestValues()).containsExactly(min.bestTrial().value());
        assertThat(a.bestNumber()).isEqualTo(min.bestTrial().number());
        assertThat(a.sampler()).isEqualTo("random");
        assertThat(a.lastActivity()).isEqualTo(min.trials().get(4).end());
        StudySummary b = all.get(1);
        assertThat(b.totalTrials()).isEqualTo(5);
        assertThat(b.counts()).containsEntry(TrialState.RUNNING, 1);
        assertThat(b.bestValues()).containsExactly(max.bestTrial().value());
    }

    @Test
    void pagesByNumberWalkTheWholeStudyOnce() {
        Study s = study("s", Direction.MINIMIZE, 23);
        List<Integer> numbers = new ArrayList<>();
        long cursor = -1;
        TrialPage page;
        do {
            page = queries.trials(s.studyId(), (int) cursor, 10);
            page.trials().forEach(t -> numbers.add(t.number()));
            cursor = page.cursor();
        } while (page.more());
        assertThat(numbers).containsExactlyElementsOf(IntStream.range(0, 23).boxed().toList());
        assertThat(queries.allTrials(s.studyId())).hasSize(23);
    }

    @Test
    void largePagesOfInterleavedStudiesHoldExactlyTheirOwnTrials() {
        Study a = Study.builder("a").storage(tracker.storage()).seed(1).sampler(RandomSampler::new).create();
        Study b = Study.builder("b").storage(tracker.storage()).seed(2).sampler(RandomSampler::new).create();
        for (int i = 0; i < 1_500; i++) {
            var ta = a.ask();
            a.tell(ta, ta.suggestFloat("x", 0, 1));
            var tb = b.ask();
            b.tell(tb, tb.suggestFloat("y", 0, 1) + 10);
        }
        TrialPage page = queries.trials(a.studyId(), 99, 1_200);

        assertThat(page.trials()).hasSize(1_200);
        assertThat(page.trials()).allSatisfy(t -> {
            assertThat(t.params()).containsOnlyKeys("x");
            assertThat(t.value()).isBetween(0.0, 1.0);
        });
        assertThat(page.trials()).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(a.trials().subList(100, 1_300));
    }

    @Test
    void aChangeFeedReturnsOnlyTrialsThatChangedSinceTheCursor() {
        long study = tracker.storage().createStudy("live", List.of(Direction.MINIMIZE)).id();
        FrozenTrial a = tracker.storage().createRunningTrial(study);
        FrozenTrial b = tracker.storage().createRunningTrial(study);
        TrialPage first = queries.changedSince(study, 0, 100);
        assertThat(first.trials()).extracting(FrozenTrial::id).containsExactly(a.id(), b.id());
        assertThat(queries.changedSince(study, first.cursor(), 100).trials()).isEmpty();

        tracker.storage().finishTrial(b.id(), TrialState.COMPLETE, List.of(1.0), null);
        FrozenTrial c = tracker.storage().createRunningTrial(study);
        TrialPage second = queries.changedSince(study, first.cursor(), 100);
        assertThat(second.trials()).extracting(FrozenTrial::id).containsExactly(b.id(), c.id());
        assertThat(second.trials().get(0).state()).isEqualTo(TrialState.COMPLETE);
        assertThat(queries.unfinished(study)).extracting(FrozenTrial::id).containsExactly(a.id(), c.id());

        TrialPage limited = queries.changedSince(study, first.cursor(), 1);
        assertThat(limited.more()).isTrue();
        assertThat(queries.changedSince(study, limited.cursor(), 10).trials()).extracting(FrozenTrial::id)
                .containsExactly(c.id());
    }

    @Test
    void trialsFinishedAfterATimeAreFoundByTheirEnd() {
        Study s = study("s", Direction.MINIMIZE, 3);
        FrozenTrial second = s.trials().get(1);
        assertThat(queries.finishedAfter(s.studyId(), second.end().minusNanos(1)))
                .extracting(FrozenTrial::number).containsExactly(1, 2);
    }
}
