package io.tunelab.search.sampler.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.RangeOptions;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TpeSamplerTest {

    /** Trials 40..79 that did not take the choice used most often then. */
    private static long offChoiceTrials(TpeOptions options) {
        Study study = Study.builder("choices").seed(4).sampler(s -> new TpeSampler(s, options)).create();
        study.optimize(t -> {
            String c = t.suggestCategorical("c", List.of("a", "b", "c"));
            double x = t.suggestFloat("x", 0, 1);
            double y = t.suggestFloat("y", 0, 1);
            double best = c.equals("a") ? 0.2 : c.equals("b") ? 0.5 : 0.8;
            return (x - best) * (x - best) + (y - best) * (y - best) + (c.equals("c") ? 0 : 0.02);
        }, OptimizeOptions.trials(80).withParallelism(1));
        Map<Object, Long> counts = study.trials().subList(40, 80).stream()
                .collect(java.util.stream.Collectors.groupingBy(t -> t.params().get("c"), java.util.stream.Collectors.counting()));
        return 40 - counts.values().stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    @Test
    void categoricalsModelledAloneKeepRevisitingTheOtherChoices() {
        TpeOptions alone = TpeOptions.defaults();
        assertThat(alone.categoricalsAlone()).isTrue();
        assertThat(offChoiceTrials(alone)).isGreaterThan(offChoiceTrials(alone.withRefinements(true, true, false)));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theRandomStartUpTrialsRecordRandomAsTheirSamplerAndTheModelsTrialsTpe(boolean multivariate) {
        TpeOptions options = TpeOptions.defaults().withMultivariate(multivariate, multivariate);
        Study study = Study.builder("labels").seed(5).sampler(new TpeSampler(RandomStreams.seeded(5), options)).create();
        study.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestInt("k", 0, 9), OptimizeOptions.trials(14)
                .withParallelism(1));
        List<FrozenTrial> trials = study.trials();
        int startUp = options.startupTrials();
        assertThat(trials.subList(0, startUp)).allSatisfy(t -> assertThat(t.systemAttrs())
                .containsEntry(Sampler.SAMPLER_ATTR, "random").containsEntry(Sampler.STARTUP_OF_ATTR, "tpe"));
        assertThat(trials.subList(startUp, 14)).allSatisfy(t -> assertThat(t.systemAttrs())
                .containsEntry(Sampler.SAMPLER_ATTR, "tpe").doesNotContainKey(Sampler.STARTUP_OF_ATTR));
    }

    @Test
    void presetsAreTunelabsRefinementsAndOptunasTpe() {
        assertThat(TpeOptions.defaults().describe()).containsEntry("multivariate", true)
                .containsEntry("improvement_weights", true).containsEntry("neighbour_bandwidths", true);
        assertThat(TpeOptions.optuna().describe()).containsEntry("multivariate", false)
                .containsEntry("improvement_weights", false).containsEntry("startup_trials", 10);
    }

    private static Study studyWithHistory(TpeOptions options, int completed) {
        Study study = Study.builder("liar").seed(7).sampler(s -> new TpeSampler(s, options)).create();
        study.optimize(t -> {
            double x = t.suggestFloat("x", -10, 10);
            return (x - 3) * (x - 3);
        }, OptimizeOptions.trials(completed).withParallelism(1));
        return study;
    }

    private static double closestPair(List<Double> xs) {
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < xs.size(); i++) {
            for (int j = 0; j < i; j++) {
                min = Math.min(min, Math.abs(xs.get(i) - xs.get(j)));
            }
        }
        return min;
    }

    private static List<Double> parallelAsks(Study study, int workers) {
        List<Double> xs = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Trial t = study.ask();
            xs.add(t.suggestFloat("x", -10, 10));
        }
        return xs;
    }

    @Test
    void constantLiarSpreadsTheAsksOfParallelWorkers() {
        TpeOptions base = TpeOptions.defaults();
        List<Double> withLiar = parallelAsks(studyWithHistory(base.withConstantLiar(true), 40), 8);
        List<Double> without = parallelAsks(studyWithHistory(base, 40), 8);
        double spreadWith = closestPair(withLiar);
        double spreadWithout = closestPair(without);
        assertThat(spreadWith).isGreaterThan(spreadWithout);
        double stdWith = std(withLiar);
        assertThat(stdWith).isGreaterThan(std(without));
    }

    private static double std(List<Double> xs) {
        double mean = xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return Math.sqrt(xs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / xs.size());
    }

    @Test
    void infeasibleTrialsNeverEnterTheGoodGroupWhileAFeasibleOneExists() {
        Study study = Study.builder("constrained").seed(3).sampler(new TpeSampler(RandomStreams.seeded(3))).create();
        study.optimize(t -> {
            double x = t.suggestFloat("x", 0, 1);
            t.setConstraints(x - 0.8);
            return -x;
        }, OptimizeOptions.trials(60).withParallelism(1));
        ObservationLog log = new ObservationLog(Direction.MINIMIZE);
        log.absorb(study.trials());
        ObservationColumn x = log.column("x", FloatDistribution.uniform(0, 1));
        TpeSplit split = TpeSplit.of(log, new ObservationColumn[] {x}, List.of(), TpeOptions.defaults());
        assertThat(split.below().size()).isPositive();
        assertThat(java.util.Arrays.stream(split.below().values()[0]).boxed().toList()).allMatch(v -> v <= 0.8);
        assertThat(java.util.Arrays.stream(split.above().values()[0]).boxed().toList()).anyMatch(v -> v > 0.8);
    }

    @Test
    void constrainedSearchSpendsItsLaterTrialsMostlyInTheFeasibleRegion() {
        Study study = Study.builder("constrained").seed(5).sampler(new TpeSampler(RandomStreams.seeded(5))).create();
        study.optimize(t -> {
            double x = t.suggestFloat("x", 0, 1);
            t.setConstraints(x - 0.3);
            return -x;
        }, OptimizeOptions.trials(80).withParallelism(1));
        List<FrozenTrial> late = study.trials(EnumSet.of(TrialState.COMPLETE)).subList(40, 80);
        long feasible = late.stream().filter(t -> t.internalParam("x") <= 0.3).count();
        assertThat(feasible).isGreaterThan(20);
    }

    @Test
    void groupDecompositionSplitsAConditionalSpaceIntoParametersThatOccurTogether() {
        Study study = Study.builder("conditional").seed(1)
                .sampler(s -> new TpeSampler(s, TpeOptions.defaults().withMultivariate(true, true))).create();
        study.optimize(t -> {
            String kind = t.suggestCategorical("kind", List.of("a", "b"));
            if (kind.equals("a")) {
                return t.suggestFloat("a1", 0, 1) + t.suggestFloat("a2", 0, 1);
            }
            return t.suggestFloat("b1", 0, 1);
        }, OptimizeOptions.trials(30).withParallelism(1));
        List<Map<String, io.tunelab.search.space.Distribution>> groups = new GroupDecomposedSearchSpace()
                .compute(study.trials(EnumSet.of(TrialState.COMPLETE)));
        assertThat(groups).extracting(Map::keySet).map(Object::toString)
                .containsExactlyInAnyOrder("[kind]", "[a1, a2]", "[b1]");
    }

    /** A study with pruned, infeasible and out-of-order trials, run by two workers. */
    private static Study messyStudy(TpeOptions options) {
        Study study = Study.builder("messy").seed(9).sampler(s -> new TpeSampler(s, options)).create();
        study.optimize(t -> {
            double x = t.suggestFloat("x", -4, 4);
            int k = t.suggestInt("k", 1, 6);
            String c = t.suggestCategorical("c", List.of("p", "q", "r"));
            double y = c.equals("p") ? t.suggestFloat("y", 1e-3, 1, RangeOptions.log()) : 0;
            t.setConstraints(x - 3);
            t.report(1, x * x);
            if (t.number() % 6 == 5) {
                throw new io.tunelab.search.trial.TrialPrunedException("pruned at 1");
            }
            return x * x + k + y + c.length();
        }, OptimizeOptions.trials(60).withParallelism(2));
        return study;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aLongLivedSamplerSuggestsWhatAFreshSamplerSuggestsForTheSameHistory(boolean liar) {
        TpeOptions options = TpeOptions.defaults().withConstantLiar(liar);
        Study study = messyStudy(options);
        Trial next = study.ask();
        study.ask();
        FrozenTrial probe = study.trials().get(next.number());
        TpeSampler fresh = new TpeSampler(RandomStreams.seeded(9), options);
        Map<String, io.tunelab.search.space.Distribution> space = Map.of(
                "x", FloatDistribution.uniform(-4, 4),
                "k", io.tunelab.search.space.IntDistribution.uniform(1, 6),
                "c", new io.tunelab.search.space.CategoricalDistribution(List.of("p", "q", "r")),
                "y", new FloatDistribution(1e-3, 1, true, 0));
        for (Map.Entry<String, io.tunelab.search.space.Distribution> e : space.entrySet()) {
            double kept = study.sampler().sampleIndependent(study, probe, e.getKey(), e.getValue());
            double anew = fresh.sampleIndependent(study, probe, e.getKey(), e.getValue());
            assertThat(kept).as(e.getKey()).isEqualTo(anew);
        }
        assertThat(study.trials(EnumSet.of(TrialState.PRUNED))).isNotEmpty();
    }

    @Test
    void sameSeedGivesTheSameSuggestions() {
        List<Object> first = studyWithHistory(TpeOptions.defaults(), 25).trials().stream()
                .map(t -> t.params().get("x")).toList();
        List<Object> second = studyWithHistory(TpeOptions.defaults(), 25).trials().stream()
                .map(t -> t.params().get("x")).toList();
        assertThat(first).isEqualTo(second);
    }

    @Test
    void aMultiObjectiveStudyWithoutStartUpSuggestsFromTheModelOfNoObservations() {
        Study study = Study.builder("mo").directions(Direction.MINIMIZE, Direction.MINIMIZE)
                .sampler(s -> new TpeSampler(s, TpeOptions.defaults().withStartupTrials(0))).create();
        Trial t = study.ask();
        assertThat((double) t.suggest("x", FloatDistribution.uniform(0, 1))).isBetween(0.0, 1.0);
    }

    @Test
    void invalidOptionsAreRejectedNamingTheValue() {
        assertThatThrownBy(() -> TpeOptions.defaults().withGamma(0, 25)).hasMessageContaining("got 0.0");
        assertThatThrownBy(() -> TpeOptions.defaults().withMultivariate(false, true)).hasMessageContaining("group");
    }
}
