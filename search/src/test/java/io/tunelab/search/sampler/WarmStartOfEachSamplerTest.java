package io.tunelab.search.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.cmaes.CmaesSampler;
import io.tunelab.search.sampler.gp.GpSampler;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * CMA-ES alone and GP alone read a warm start's prior trials (50 TPE trials of Branin, {@link BraninStudies#earlier})
 * and benefit from them; {@code auto} is covered by {@link WarmStartSamplerTest}. Branin's box is 15 wide on each axis.
 */
@Timeout(300)
class WarmStartOfEachSamplerTest {

    /** A study of {@code sampler} warm-started from {@code earlier} over its declared space, as a study file does. */
    private static Study warm(int seed, Function<RandomStreams, Sampler> sampler, Study earlier, int trials) {
        Study study = Study.builder("warm").seed(seed).sampler(sampler)
                .warmStartFrom(earlier, 1, earlier.trials().get(0).distributions()).create();
        study.optimize(BraninStudies::branin, OptimizeOptions.trials(trials).withParallelism(1));
        return study;
    }

    private static double[] point(FrozenTrial t) {
        return new double[] {(Double) t.params().get("x0"), (Double) t.params().get("x1")};
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    private static List<FrozenTrial> bestFive(Study study) {
        return study.trials().stream().sorted(Comparator.comparingDouble(FrozenTrial::value)).limit(5).toList();
    }

    @Test
    void cmaesCentresItsFirstGenerationOnTheBestPriorTrials() {
        for (int seed = 1; seed <= 3; seed++) {
            Study earlier = BraninStudies.earlier(seed);
            Study study = warm(seed, CmaesSampler::new, earlier, 6);
            List<FrozenTrial> firstGeneration = study.trials().stream()
                    .filter(t -> t.systemAttrs().get("cmaes") instanceof Map<?, ?> m && Integer.valueOf(0).equals(m.get("generation")))
                    .toList();
            double[] centroid = new double[2];
            firstGeneration.forEach(t -> {
                centroid[0] += point(t)[0] / firstGeneration.size();
                centroid[1] += point(t)[1] / firstGeneration.size();
            });

            assertThat(firstGeneration).as("seed %d: the first generation's trials, all proposed by CMA-ES", seed).hasSize(6);
            assertThat(distance(centroid, point(bestFive(earlier).get(0))))
                    .as("seed %d: distance of the first generation's centroid from the best prior trial", seed)
                    .isLessThan(1.5);
        }
    }

    @Test
    void gpsFirstProposalLiesWithinAThirtiethOfTheBoxOfOneOfTheFiveBestPriorTrials() {
        for (int seed = 1; seed <= 3; seed++) {
            Study earlier = BraninStudies.earlier(seed);
            FrozenTrial first = warm(seed, GpSampler::new, earlier, 1).trials().get(0);

            assertThat(first.systemAttrs()).as("seed %d: the first trial's sampler", seed).containsEntry("sampler", "gp");
            assertThat(bestFive(earlier).stream().mapToDouble(t -> distance(point(t), point(first))).min().orElseThrow())
                    .as("seed %d: distance of GP's first proposal from the nearest of the five best prior trials", seed)
                    .isLessThan(0.5);
        }
    }

    /** The median over seeds 1 to 3 of Branin's regret after 50 trials of a fresh study and 25 of a warm-started one. */
    private static void reachesInTwentyFiveWarmTrialsWhatFiftyFreshOnesReach(Function<RandomStreams, Sampler> sampler) {
        double[] fresh = new double[3];
        double[] warm = new double[3];
        for (int seed = 1; seed <= 3; seed++) {
            Study f = Study.builder("fresh").seed(seed).sampler(sampler).create();
            f.optimize(BraninStudies::branin, OptimizeOptions.trials(50).withParallelism(1));
            fresh[seed - 1] = BraninStudies.regret(f, 50);
            warm[seed - 1] = BraninStudies.regret(warm(seed, sampler, BraninStudies.earlier(seed), 25), 25);
        }
        Arrays.sort(fresh);
        Arrays.sort(warm);
        assertThat(warm[1]).as("median regret: warm-started at 25 trials against fresh at 50").isLessThanOrEqualTo(fresh[1]);
    }

    @Test
    void onBraninAWarmStartedCmaesReachesInTwentyFiveTrialsTheRegretAFreshOneReachesInFifty() {
        reachesInTwentyFiveWarmTrialsWhatFiftyFreshOnesReach(CmaesSampler::new);
    }

    @Test
    void onBraninAWarmStartedGpReachesInTwentyFiveTrialsTheRegretAFreshOneReachesInFifty() {
        reachesInTwentyFiveWarmTrialsWhatFiftyFreshOnesReach(GpSampler::new);
    }
}
