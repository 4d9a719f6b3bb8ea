package io.tunelab.search.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.tpe.TpeSampler;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(300)
class WarmStartSamplerTest {
    @Test
    void onBraninAWarmStartedStudyReachesInTwentyFiveTrialsTheRegretAFreshOneReachesInFifty() {
        double[] fresh = new double[3];
        double[] warm = new double[3];
        for (int seed = 1; seed <= 3; seed++) {
            Study f = Study.builder("fresh").seed(seed).create();
            f.optimize(BraninStudies::branin, OptimizeOptions.trials(50).withParallelism(1));
            Study w = Study.builder("warm").seed(seed).warmStartFrom(BraninStudies.earlier(seed)).create();
            w.optimize(BraninStudies::branin, OptimizeOptions.trials(25).withParallelism(1));
            assertThat(((WarmStartSampler) w.sampler()).prior()).hasSize(50);
            fresh[seed - 1] = BraninStudies.regret(f, 50);
            warm[seed - 1] = BraninStudies.regret(w, 25);
        }
        Arrays.sort(fresh);
        Arrays.sort(warm);
        assertThat(warm[1]).as("median regret: warm-started at 25 trials against fresh at 50").isLessThanOrEqualTo(fresh[1]);
    }

    @Test
    void aStudyWarmStartedFromOneWithTheSameSeedRepeatsNoneOfItsPoints() {
        Study first = Study.builder("first").seed(3).create();
        first.optimize(BraninStudies::branin, OptimizeOptions.trials(12).withParallelism(1));
        Study warm = Study.builder("warm").seed(3).warmStartFrom(first, 0.5).create();
        warm.optimize(BraninStudies::branin, OptimizeOptions.trials(12).withParallelism(1));

        List<Map<String, Object>> earlierPoints = first.trials().stream().map(FrozenTrial::params).toList();
        assertThat(warm.trials().stream().map(FrozenTrial::params).toList()).hasSize(12)
                .doesNotContainAnyElementsOf(earlierPoints);
    }

    @Test
    void trialsWithOtherDistributionsAreIgnoredAndTheRestUsed() {
        Study mixed = Study.builder("mixed").sampler(new RandomSampler(1)).create();
        mixed.optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.trials(6).withParallelism(1));
        mixed.optimize(t -> t.suggestFloat("x", 0, 2), OptimizeOptions.trials(4).withParallelism(1));
        WarmStartSampler sampler = new WarmStartSampler(new RandomSampler(2), mixed, 1);
        Study study = Study.builder("new").sampler(sampler).create();
        study.optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.trials(3).withParallelism(1));
        assertThat(sampler.prior()).hasSize(6).allSatisfy(t -> assertThat(t.number()).isNegative());
        assertThat(sampler.prior()).extracting(FrozenTrial::systemAttrs)
                .allSatisfy(a -> assertThat(a.get("warm_start_of")).asString().startsWith("mixed#"));
    }

    @Test
    void aWeightKeepsThatShareAtEvenlySpacedRanks() {
        Study source = Study.builder("src").sampler(new RandomSampler(1)).create();
        source.optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.trials(10).withParallelism(1));
        WarmStartSampler sampler = new WarmStartSampler(new RandomSampler(2), source, 0.3);
        Study study = Study.builder("new").sampler(sampler).create();
        study.optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.trials(2).withParallelism(1));
        List<Double> values = sampler.prior().stream().map(FrozenTrial::value).sorted().toList();
        List<Double> all = source.trials().stream().map(FrozenTrial::value).sorted().toList();
        assertThat(values).containsExactly(all.get(0), all.get(3), all.get(6));
    }

    /** A study over x in [0, 1] (six trials) and then x in [0, 2] (four), for the tests of compatibility. */
    private static Study mixedSource() {
        Study mixed = Study.builder("mixed").sampler(new RandomSampler(1)).create();
        mixed.optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.trials(6).withParallelism(1));
        mixed.optimize(t -> t.suggestFloat("x", 0, 2), OptimizeOptions.trials(4).withParallelism(1));
        return mixed;
    }

    /** Per trial number, the complete trials the inner sampler's view held when it sampled {@code x}. */
    private static Map<Integer, Integer> completeSeenPerTrial(Map<String, Distribution> declared) {
        Map<Integer, Integer> seen = new TreeMap<>();
        Sampler counting = (view, trial, name, distribution) -> {
            seen.put(trial.number(), view.trials(EnumSet.of(TrialState.COMPLETE)).size());
            return 0.5;
        };
        Study study = Study.builder("new").sampler(new WarmStartSampler(counting, mixedSource(), 1, declared)).create();
        study.optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.trials(2).withParallelism(1));
        return seen;
    }

    @Test
    void withADeclaredSpaceThePriorTrialsThatFitItInformTheFirstTrial() {
        Map<String, Distribution> declared = mixedSource().trials().get(0).distributions();

        assertThat(completeSeenPerTrial(declared)).containsExactly(Map.entry(0, 6), Map.entry(1, 7));
    }

    @Test
    void withoutADeclaredSpaceTheFirstCompleteTrialDecidesAndTheFirstTrialIsSampledWithoutPriorTrials() {
        assertThat(completeSeenPerTrial(null)).containsExactly(Map.entry(0, 0), Map.entry(1, 7));
    }

    @Test
    void aDeclaredSpaceIsDecidedOnAtTheFirstTrialWhateverTheFirstTrialSuggests() {
        Map<String, Distribution> declared = mixedSource().trials().get(7).distributions();
        WarmStartSampler sampler = new WarmStartSampler(new RandomSampler(2), mixedSource(), 1, declared);
        Study study = Study.builder("new").sampler(sampler).create();
        study.ask();

        assertThat(sampler.prior()).hasSize(4).allSatisfy(t -> assertThat(t.distributions()).isEqualTo(declared));
    }

    /** Per trial number, the parameters a TPE study warm-started from {@code source} gets at {@code parallelism}. */
    private static Map<Integer, Map<String, Object>> deterministicWarmParams(Study source, int parallelism) {
        Study study = Study.builder("warm-det").seed(3).deterministic(true)
                .sampler(new WarmStartSampler(new TpeSampler(3), source, 1)).create();
        study.optimize(BraninStudies::branin, OptimizeOptions.trials(16).withParallelism(parallelism));
        Map<Integer, Map<String, Object>> out = new TreeMap<>();
        study.trials().forEach(t -> out.put(t.number(), t.params()));
        return out;
    }

    @Test
    void withADeclaredSpaceAWarmStartedStudyGivesTheSameParametersPerTrialAtAnyParallelism() {
        Study source = BraninStudies.earlier(1);
        Map<String, Distribution> declared = source.trials().get(0).distributions();
        Map<Integer, Map<String, Object>> byParallelism = new TreeMap<>();
        for (int parallelism : new int[] {1, 4}) {
            Study study = Study.builder("warm-det-" + parallelism).seed(3).deterministic(true)
                    .sampler(new WarmStartSampler(new TpeSampler(3), source, 1, declared)).create();
            study.optimize(BraninStudies::branin, OptimizeOptions.trials(12).withParallelism(parallelism));
            study.trials().forEach(t -> byParallelism.merge(t.number(), t.params(),
                    (a, b) -> a.equals(b) ? a : Map.of("differs", a + " / " + b)));
        }
        assertThat(byParallelism).hasSize(12).allSatisfy((n, params) -> assertThat(params).doesNotContainKey("differs"));
    }

    @Test
    void aWarmStartedSamplerDecidesFromItsViewOnlyAsItsInnerSamplerDoes() {
        Study source = BraninStudies.earlier(1);
        assertThat(new WarmStartSampler(new TpeSampler(3), source, 1).decidesFromViewOnly()).isTrue();
        Map<Integer, Map<String, Object>> sequential = deterministicWarmParams(source, 1);
        assertThat(sequential).hasSize(16);
        assertThat(deterministicWarmParams(source, 4)).isEqualTo(sequential);
    }
}
