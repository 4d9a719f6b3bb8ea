package io.tunelab.search.sampler.tpe;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Hypervolume;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class TpeMultiObjectiveTest {
    private static final int VARIABLES = 3;

    /** ZDT1 (Zitzler, Deb and Thiele 2000) in {@value #VARIABLES} variables; f2 negated when it is maximised. */
    private static Study zdt1(Sampler sampler, int trials, Direction second) {
        Study study = Study.builder("zdt1").directions(Direction.MINIMIZE, second).seed(1).sampler(sampler).create();
        study.optimizeMulti(t -> {
            double[] x = new double[VARIABLES];
            for (int i = 0; i < VARIABLES; i++) {
                x[i] = t.suggestFloat("x" + i, 0, 1);
            }
            double g = 1 + 9 * (x[1] + x[2]) / (VARIABLES - 1);
            double f2 = g * (1 - Math.sqrt(x[0] / g));
            return new double[] {x[0], second == Direction.MINIMIZE ? f2 : -f2};
        }, OptimizeOptions.trials(trials).withParallelism(1));
        return study;
    }

    private static double hypervolume(Study study) {
        return Hypervolume.of(study.bestTrials().stream()
                .map(t -> new double[] {t.values().get(0), Math.abs(t.values().get(1))}).toList(), new double[] {1.1, 11});
    }

    private static List<String> params(Study study) {
        return study.trials().stream().map(t -> t.params().toString()).toList();
    }

    @Test
    void aStudyWithAMinimisedAndAMaximisedObjectiveRunsEveryTrialAndHasAParetoFront() {
        Study study = zdt1(new TpeSampler(1), 40, Direction.MAXIMIZE);
        assertThat(study.trials()).extracting(FrozenTrial::state).containsOnly(TrialState.COMPLETE);
        assertThat(study.bestTrials()).isNotEmpty();
        assertThat(study.trials().subList(10, 40)).allSatisfy(t -> assertThat(t.systemAttrs())
                .containsEntry(Sampler.SAMPLER_ATTR, "tpe"));
    }

    @Test
    void onZdt1TpesFrontHasMoreHypervolumeThanRandomSearchsOnEachOfFiveSeeds() {
        LongStream.rangeClosed(1, 5).forEach(seed -> assertThat(hypervolume(zdt1(new TpeSampler(seed), 100,
                Direction.MINIMIZE))).as("seed %d", seed)
                .isGreaterThan(hypervolume(zdt1(new RandomSampler(seed), 100, Direction.MINIMIZE))));
    }

    @Test
    void sameSeedGivesTheSameTrials() {
        assertThat(params(zdt1(new TpeSampler(7), 40, Direction.MINIMIZE)))
                .isEqualTo(params(zdt1(new TpeSampler(7), 40, Direction.MINIMIZE)));
    }

    @Test
    void maximisingTheNegatedObjectiveProposesWhatMinimisingItDoes() {
        assertThat(params(zdt1(new TpeSampler(3), 40, Direction.MAXIMIZE)))
                .isEqualTo(params(zdt1(new TpeSampler(3), 40, Direction.MINIMIZE)));
    }

    @Test
    void infeasibleTrialsNeverEnterTheGoodGroupThoughTheyWouldBeParetoOptimal() {
        Study study = Study.builder("constrained").directions(Direction.MINIMIZE, Direction.MINIMIZE).seed(3)
                .sampler(new RandomSampler(3)).create();
        study.optimizeMulti(t -> {
            double x = t.suggestFloat("x", 0, 1);
            t.setConstraints(x - 0.5);
            return new double[] {x, 1 - x};
        }, OptimizeOptions.trials(60).withParallelism(1));
        ObservationLog log = new ObservationLog(study.directions());
        log.absorb(study.trials());
        ObservationColumn x = log.column("x", FloatDistribution.uniform(0, 1));
        TpeSplit split = TpeSplit.of(log, new ObservationColumn[] {x}, List.of(), TpeOptions.defaults());
        assertThat(split.below().size()).isEqualTo(TpeOptions.defaults().nBelow(60));
        assertThat(Arrays.stream(split.below().values()[0]).max().orElseThrow()).isLessThanOrEqualTo(0.5);
        assertThat(split.paretoWeights()).hasSize(split.below().size());
    }

    @Test
    void theOptunaPresetRunsWithSeveralObjectivesToo() {
        Study study = zdt1(new TpeSampler(RandomStreams.seeded(2), TpeOptions.optuna()), 40,
                Direction.MINIMIZE);
        assertThat(study.trials()).extracting(FrozenTrial::state).containsOnly(TrialState.COMPLETE);
        assertThat(hypervolume(study)).isGreaterThan(hypervolume(zdt1(new RandomSampler(2), 40, Direction.MINIMIZE)));
    }

    /**
     * The parameters TPE proposes for trials 40..44 of a two-objective study whose trials 0..29 are complete (random)
     * and whose trials 30..39, spread along the good edge of the space ({@code y} near 0, where the front is) and
     * reporting one value each, ended as {@code lastTen}; seeds of the filler and TPE fixed.
     */
    private static List<Map<String, Object>> proposalsAfterTenTrialsEndedAs(TrialState lastTen) {
        InMemoryStorage storage = new InMemoryStorage();
        Study filler = Study.builder("pruned").storage(storage).directions(Direction.MINIMIZE, Direction.MINIMIZE)
                .seed(1).sampler(new RandomSampler(1)).create();
        for (int i = 0; i < 40; i++) {
            if (i >= 30) {
                filler.enqueueTrial(Map.of("x", (i - 29) / 11.0, "y", 0.01));
            }
            Trial t = filler.ask();
            double x = t.suggestFloat("x", 0, 1);
            double y = t.suggestFloat("y", 0, 1);
            if (i < 30) {
                filler.tell(t, x, (1 + y) * (1 - Math.sqrt(x)));
            } else {
                t.report(0, 5.0);
                filler.tell(t.number(), lastTen);
            }
        }
        Study study = Study.builder("pruned").storage(storage).directions(Direction.MINIMIZE, Direction.MINIMIZE).seed(1)
                .sampler(new TpeSampler(5)).load();
        List<Map<String, Object>> proposals = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Trial next = study.ask();
            double x = next.suggestFloat("x", 0, 1);
            double y = next.suggestFloat("y", 0, 1);
            study.tell(next, x, (1 + y) * (1 - Math.sqrt(x)));
            proposals.add(next.params());
        }
        return proposals;
    }

    @Test
    void prunedTrialsDoNotChangeWhatTpeProposesAsOptunasMotpeIgnoresThem() {
        assertThat(proposalsAfterTenTrialsEndedAs(TrialState.PRUNED))
                .isEqualTo(proposalsAfterTenTrialsEndedAs(TrialState.FAIL));
    }

    @Test
    void prunedTrialsJoinNeitherGroupNorTheCountOfTheGoodOne() {
        Study study = Study.builder("pruned").directions(Direction.MINIMIZE, Direction.MINIMIZE).seed(4)
                .sampler(new RandomSampler(4)).create();
        for (int i = 0; i < 60; i++) {
            Trial t = study.ask();
            double x = t.suggestFloat("x", 0, 1);
            if (i % 2 == 0) {
                study.tell(t, x, 1 - x);
            } else {
                study.tell(t.number(), TrialState.PRUNED);
            }
        }
        ObservationLog log = new ObservationLog(study.directions());
        log.absorb(study.trials());
        TpeSplit split = TpeSplit.of(log, new ObservationColumn[] {log.column("x", FloatDistribution.uniform(0, 1))},
                List.of(), TpeOptions.defaults());
        assertThat(split.below().size()).isEqualTo(TpeOptions.defaults().nBelow(30));
        assertThat(split.below().size() + split.above().size()).isEqualTo(30);
    }

    @Test
    void aStudyWhoseTrialsAreAllPrunedKeepsProposingAtRandomWithoutFailing() {
        Study study = Study.builder("all-pruned").directions(Direction.MINIMIZE, Direction.MINIMIZE).seed(2)
                .sampler(new TpeSampler(2)).create();
        for (int i = 0; i < 25; i++) {
            Trial t = study.ask();
            t.suggestFloat("x", 0, 1);
            study.tell(t.number(), TrialState.PRUNED);
        }
        assertThat(study.trials()).extracting(FrozenTrial::state).containsOnly(TrialState.PRUNED);
        assertThat(study.trials()).allSatisfy(t -> assertThat(t.systemAttrs())
                .containsEntry(Sampler.SAMPLER_ATTR, "random"));
    }

    @Test
    void theDecisionsOfOneSnapshotShareOneParetoSelectionWhichTheNextTrialReplaces() {
        Study study = zdt1(new RandomSampler(6), 80, Direction.MINIMIZE);
        ObservationLog log = new ObservationLog(study.directions());
        log.absorb(study.trials());
        ObservationColumn[] x0 = {log.column("x0", FloatDistribution.uniform(0, 1))};
        ObservationColumn[] x1 = {log.column("x1", FloatDistribution.uniform(0, 1))};
        TpeSplit first = TpeSplit.of(log, x0, List.of(), TpeOptions.defaults());
        TpeSplit.Pareto selection = log.pareto();
        TpeSplit second = TpeSplit.of(log, x1, List.of(), TpeOptions.defaults());
        assertThat(log.pareto()).isSameAs(selection);
        assertThat(second.paretoWeights()).containsExactly(first.paretoWeights());
        assertThat(selection.good()).hasSize(TpeOptions.defaults().nBelow(80));

        study.optimizeMulti(t -> new double[] {t.suggestFloat("x0", 0, 1), 0}, OptimizeOptions.trials(1));
        log.absorb(study.trials());
        assertThat(log.pareto()).isNull();
        TpeSplit.of(log, x0, List.of(), TpeOptions.defaults());
        assertThat(log.pareto()).isNotSameAs(selection);
    }
}
