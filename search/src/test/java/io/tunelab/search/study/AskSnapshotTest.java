package io.tunelab.search.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AskSnapshotTest {

    /** A study whose complete trials grow by one at every read, counting its reads. */
    private static class GrowingStudy implements StudyView {
        int reads;

        @Override
        public synchronized List<FrozenTrial> trials(Set<TrialState> states) {
            reads++;
            List<FrozenTrial> out = new ArrayList<>();
            for (int i = 0; i < reads; i++) {
                out.add(new FrozenTrial(i, i, TrialState.COMPLETE, List.of(1.0), null, null, Map.of(), Map.of(),
                        new TreeMap<>(), Map.of(), Map.of(), null));
            }
            return List.copyOf(out);
        }

        @Override
        public long studyId() {
            return 1;
        }

        @Override
        public String name() {
            return "growing";
        }

        @Override
        public List<Direction> directions() {
            return List.of(Direction.MINIMIZE);
        }
    }

    @Test
    void theSameQueryDuringAnAskIsReadOnceAndAnsweredWithTheSameTrials() {
        GrowingStudy study = new GrowingStudy();
        AskSnapshot snapshot = new AskSnapshot(study);

        List<FrozenTrial> first = snapshot.trials(EnumSet.of(TrialState.COMPLETE));
        List<FrozenTrial> second = snapshot.trials(EnumSet.of(TrialState.COMPLETE));

        assertThat(second).isSameAs(first);
        assertThat(study.reads).isEqualTo(1);
    }

    @Test
    void differentStateSetsAreDifferentQueries() {
        GrowingStudy study = new GrowingStudy();
        AskSnapshot snapshot = new AskSnapshot(study);

        snapshot.trials(EnumSet.of(TrialState.COMPLETE));
        snapshot.trials(EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED));
        snapshot.trials(EnumSet.of(TrialState.PRUNED, TrialState.COMPLETE));

        assertThat(study.reads).isEqualTo(2);
    }

    @Test
    void afterReleaseEveryQueryReadsTheStudyAgain() {
        GrowingStudy study = new GrowingStudy();
        AskSnapshot snapshot = new AskSnapshot(study);
        snapshot.trials(EnumSet.of(TrialState.COMPLETE));

        snapshot.release();

        assertThat(snapshot.trials(EnumSet.of(TrialState.COMPLETE))).hasSize(2);
        assertThat(snapshot.trials(EnumSet.of(TrialState.COMPLETE))).hasSize(3);
    }

    @Test
    void aCountDuringAnAskIsTheSizeOfTheTrialsReadForTheSameStatesOrIsCountedOnce() {
        GrowingStudy study = new GrowingStudy();
        AskSnapshot snapshot = new AskSnapshot(study);

        List<FrozenTrial> read = snapshot.trials(EnumSet.of(TrialState.COMPLETE));
        assertThat(snapshot.countTrials(EnumSet.of(TrialState.COMPLETE))).isEqualTo(read.size());
        assertThat(study.reads).isEqualTo(1);

        int counted = snapshot.countTrials(EnumSet.of(TrialState.PRUNED));
        assertThat(snapshot.countTrials(EnumSet.of(TrialState.PRUNED))).isEqualTo(counted);
        assertThat(study.reads).isEqualTo(2);

        snapshot.release();
        assertThat(snapshot.countTrials(EnumSet.of(TrialState.PRUNED))).isEqualTo(counted + 1);
    }

    @Test
    void aCountOfZeroIsCountedOnceToo() {
        int[] counts = new int[1];
        StudyView empty = new GrowingStudy() {
            @Override
            public int countTrials(Set<TrialState> states) {
                counts[0]++;
                return 0;
            }
        };
        AskSnapshot snapshot = new AskSnapshot(empty);

        assertThat(snapshot.countTrials(EnumSet.of(TrialState.PRUNED))).isZero();
        assertThat(snapshot.countTrials(EnumSet.of(TrialState.PRUNED))).isZero();

        assertThat(counts[0]).isEqualTo(1);
    }

    @Test
    void theEmptySetOfStatesIsAQueryOfItsOwn() {
        GrowingStudy study = new GrowingStudy();
        AskSnapshot snapshot = new AskSnapshot(study);

        snapshot.trials(EnumSet.noneOf(TrialState.class));
        snapshot.trials(EnumSet.allOf(TrialState.class));
        snapshot.trials(Set.of());

        assertThat(study.reads).isEqualTo(2);
    }

    @Test
    void threadsAskingTheSameQueryAtOnceAllGetOneAndTheSameRead() throws Exception {
        AskSnapshot snapshot = new AskSnapshot(new GrowingStudy());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<FrozenTrial>>> reads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                reads.add(pool.submit(() -> {
                    start.await();
                    return snapshot.trials(EnumSet.of(TrialState.COMPLETE));
                }));
            }
            start.countDown();

            List<FrozenTrial> first = reads.get(0).get(10, TimeUnit.SECONDS);
            for (Future<List<FrozenTrial>> read : reads) {
                assertThat(read.get(10, TimeUnit.SECONDS)).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
