package io.tunelab.search.sampler.tpe;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ObservationLogTest {
    private static final EnumSet<TrialState> FINISHED = EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED);
    private static final Distribution X = FloatDistribution.uniform(0, 1);
    private static final Distribution Y = FloatDistribution.uniform(-1, 1);
    private static final Distribution K = IntDistribution.uniform(1, 4);

    /** Asks 40 trials, then finishes them in a scrambled order as complete, infeasible or pruned ones. */
    private static void runScrambled(Study study, long seed, java.util.function.Consumer<Study> afterEach) {
        List<Trial> open = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Trial t = study.ask();
            double x = (Double) t.suggest("x", X);
            int k = (Integer) t.suggest("k", K);
            if (i % 3 == 0) {
                t.suggest("y", Y);
            }
            t.setUserAttr("loss", x * k);
            open.add(t);
        }
        Collections.shuffle(open, new Random(seed));
        for (Trial t : open) {
            double loss = (Double) t.params().get("x") * (Integer) t.params().get("k");
            int n = t.number();
            if (n % 7 == 0) {
                t.report(n % 3, loss);
                study.tell(n, TrialState.PRUNED);
            } else if (n % 11 == 0) {
                study.tell(n, TrialState.PRUNED);
            } else if (n % 5 == 0) {
                t.setConstraints(n / 10.0);
                study.tell(t, loss);
            } else if (n % 13 == 0) {
                study.tell(n, TrialState.FAIL);
            } else {
                study.tell(t, loss);
            }
            afterEach.accept(study);
        }
    }

    private static List<Integer> ranking(ObservationLog log) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            out.add(log.number(log.rank()[i]));
        }
        return out;
    }

    private static List<Double> values(ObservationLog log, String name, Distribution d) {
        ObservationColumn c = log.column(name, d);
        List<Double> out = new ArrayList<>();
        for (int p = 0; p < log.size(); p++) {
            out.add(c.value(p));
        }
        return out;
    }

    private static List<Integer> sortedNumbers(ObservationLog log, String name, Distribution d) {
        ObservationColumn c = log.column(name, d);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < c.held(); i++) {
            out.add(log.number(c.sortedPositions()[i]));
        }
        return out;
    }

    @Test
    void aLogFedAsTrialsFinishOutOfOrderEqualsALogReadOnceAtTheEnd() {
        Study study = Study.builder("scrambled").seed(3).sampler(new RandomSampler(3)).create();
        ObservationLog incremental = new ObservationLog(Direction.MINIMIZE);
        incremental.column("x", X);
        int[] finished = {0};
        runScrambled(study, 11, s -> {
            incremental.absorb(s.trials(FINISHED));
            if (++finished[0] == 20) {
                incremental.column("y", Y);
            }
        });
        ObservationLog once = new ObservationLog(Direction.MINIMIZE);
        once.absorb(study.trials(FINISHED));

        assertThat(once.size()).isEqualTo(study.trials(FINISHED).size()).isGreaterThan(30);
        assertThat(ranking(incremental)).isEqualTo(ranking(once));
        for (String name : List.of("x", "y", "k")) {
            Distribution d = name.equals("x") ? X : name.equals("y") ? Y : K;
            assertThat(values(incremental, name, d)).isEqualTo(values(once, name, d));
            assertThat(sortedNumbers(incremental, name, d)).isEqualTo(sortedNumbers(once, name, d));
        }
    }

    @Test
    void rankingPutsFeasibleTrialsFirstThenInfeasibleThenPrunedByStepThenBlankPrunedOnes() {
        Study study = Study.builder("ranked").seed(5).sampler(new RandomSampler(5)).create();
        runScrambled(study, 2, s -> { });
        ObservationLog log = new ObservationLog(Direction.MINIMIZE);
        log.absorb(study.trials(FINISHED));
        List<FrozenTrial> byRank = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            byRank.add(study.trials().get(log.number(log.rank()[i])));
        }
        List<Integer> kinds = byRank.stream().map(ObservationLogTest::kind).toList();
        assertThat(kinds).isSorted().contains(0, 1, 2, 3);
        List<Double> feasibleLosses = byRank.stream().filter(t -> kind(t) == 0).map(FrozenTrial::value).toList();
        assertThat(feasibleLosses).isSorted();
        List<Integer> prunedSteps = byRank.stream().filter(t -> kind(t) == 2)
                .map(t -> -t.lastIntermediate().orElseThrow().getKey()).toList();
        assertThat(prunedSteps).isSorted();
    }

    private static int kind(FrozenTrial t) {
        if (t.state() == TrialState.COMPLETE) {
            return io.tunelab.search.trial.Constraints.isFeasible(t) ? 0 : 1;
        }
        return t.lastIntermediate().isPresent() ? 2 : 3;
    }

    @Test
    void aSnapshotOfAnotherStudyUnderTheSameIdResetsTheLog() {
        Study first = Study.builder("same").storage(new InMemoryStorage()).seed(1).sampler(new RandomSampler(1)).create();
        Study second = Study.builder("same").storage(new InMemoryStorage()).seed(2).sampler(new RandomSampler(2)).create();
        assertThat(first.studyId()).isEqualTo(second.studyId());
        first.optimize(t -> (Double) t.suggest("x", X), 12);
        second.optimize(t -> 1 - (Double) t.suggest("x", X), 5);
        ObservationLog log = new ObservationLog(Direction.MINIMIZE);
        log.absorb(first.trials(FINISHED));
        log.column("x", X);
        log.absorb(second.trials(FINISHED));

        ObservationLog fresh = new ObservationLog(Direction.MINIMIZE);
        fresh.absorb(second.trials(FINISHED));
        assertThat(log.size()).isEqualTo(5);
        assertThat(ranking(log)).isEqualTo(ranking(fresh));
        assertThat(values(log, "x", X)).isEqualTo(values(fresh, "x", X));
    }
}
