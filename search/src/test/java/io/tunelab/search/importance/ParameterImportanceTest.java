package io.tunelab.search.importance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ParameterImportanceTest {

    /** value = 10·a² + 1·[opt = adam] + 0·noise; layers only exists in half the trials and matters little. */
    static List<FrozenTrial> trials(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<FrozenTrial> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> params = new LinkedHashMap<>();
            Map<String, Distribution> dists = new LinkedHashMap<>();
            double a = random.nextDouble(-1, 1);
            double noise = Math.exp(random.nextDouble(Math.log(1e-4), 0));
            String opt = random.nextBoolean() ? "adam" : "sgd";
            params.put("a", a);
            dists.put("a", FloatDistribution.uniform(-1, 1));
            params.put("noise", noise);
            dists.put("noise", FloatDistribution.logUniform(1e-4, 1));
            params.put("opt", opt);
            dists.put("opt", CategoricalDistribution.of("adam", "sgd"));
            double value = 10 * a * a + ("adam".equals(opt) ? 1 : 0);
            if (i % 2 == 0) {
                int layers = random.nextInt(1, 4);
                params.put("layers", layers);
                dists.put("layers", IntDistribution.uniform(1, 3));
                value += 0.05 * layers;
            }
            out.add(new FrozenTrial(i, i, TrialState.COMPLETE, List.of(value), null, null, params, dists, new TreeMap<>(),
                    Map.of(), Map.of(), null));
        }
        return out;
    }

    @Test
    void ranksParametersByHowMuchOfTheVarianceTheyExplain() {
        ParameterImportance.Result r = new ParameterImportance().compute(trials(2000, 1), 0, Direction.MINIMIZE,
                new SplittableRandom(0));
        assertThat(r.trials()).isEqualTo(2000);
        assertThat(r.importances()).extracting(ParameterImportance.Entry::param).startsWith("a", "opt");
        assertThat(r.importances().get(0).importance()).isGreaterThan(0.7);
        assertThat(r.importances().stream().mapToDouble(ParameterImportance.Entry::importance).sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theSameSeedGivesTheSameImportances() {
        List<FrozenTrial> data = trials(300, 2);
        assertThat(new ParameterImportance().compute(data, 0, Direction.MAXIMIZE, new SplittableRandom(9)))
                .isEqualTo(new ParameterImportance().compute(data, 0, Direction.MAXIMIZE, new SplittableRandom(9)));
    }

    @Test
    void tooFewTrialsGiveNoImportancesAndSaySo() {
        ParameterImportance.Result r = new ParameterImportance().compute(trials(1, 3), 0, Direction.MINIMIZE, new SplittableRandom(0));

        assertThat(r.importances()).isEmpty();
        assertThat(r.note()).isEqualTo("too few trials: 1 complete with a finite value, need at least 2");
    }

    @Test
    void fourTrialsWhoseValuesDifferGetImportancesThatSumToOneNotZeros() {
        ParameterImportance.Result r = new ParameterImportance().compute(trials(4, 5), 0, Direction.MINIMIZE, new SplittableRandom(0));

        assertThat(r.note()).isNull();
        assertThat(r.importances()).isNotEmpty();
        assertThat(r.importances().stream().mapToDouble(ParameterImportance.Entry::importance).sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void valuesThatDoNotVaryGiveNoImportancesAndANoteInsteadOfZeros() {
        List<FrozenTrial> same = trials(20, 6).stream().map(t -> new FrozenTrial(t.id(), t.number(), t.state(), List.of(1.0),
                null, null, t.params(), t.distributions(), new TreeMap<>(), Map.of(), Map.of(), null)).toList();

        ParameterImportance.Result r = new ParameterImportance().compute(same, 0, Direction.MINIMIZE, new SplittableRandom(0));

        assertThat(r.importances()).isEmpty();
        assertThat(r.note()).startsWith("no parameter explains the value");
    }

    @Test
    void aLargeStudyIsReadThroughABoundedSampleWhoseSizeIsReported() {
        ParameterImportance.Result r = new ParameterImportance(4, 100, 6, 3, Integer.MAX_VALUE).compute(trials(2000, 4), 0,
                Direction.MINIMIZE, new SplittableRandom(5));
        assertThat(r.trials()).isEqualTo(2000);
        assertThat(r.sample()).as("distinct trials in 4 bootstrap samples of 100").isBetween(300, 400);
        assertThat(r.importances()).isNotEmpty();
    }

    @Test
    void aSmallStudyIsReadWhole() {
        ParameterImportance.Result r = new ParameterImportance().compute(trials(200, 6), 0, Direction.MINIMIZE, new SplittableRandom(5));
        assertThat(r.sample()).isEqualTo(r.trials()).isEqualTo(200);
    }

    @Test
    void aStudyLargerThanTheCapIsReadThroughASeededSampleThatRanksTheDominantParameterAsTheWholeStudyDoes() {
        List<FrozenTrial> large = trials(20_000, 7);
        ParameterImportance.Result sampled = new ParameterImportance(32, 2048, 10, 3, 3000).compute(large, 0, Direction.MINIMIZE,
                new SplittableRandom(11));
        assertThat(sampled.trials()).isEqualTo(20_000);
        assertThat(sampled.sample()).as("bounded by the cap").isLessThanOrEqualTo(3000).isGreaterThan(2900);
        ParameterImportance.Result full = new ParameterImportance(32, 20_000, 10, 3, Integer.MAX_VALUE).compute(large, 0,
                Direction.MINIMIZE, new SplittableRandom(11));
        assertThat(full.sample()).as("the whole study").isGreaterThan(19_000);
        assertThat(sampled.importances().get(0).param()).isEqualTo(full.importances().get(0).param()).isEqualTo("a");
        assertThat(sampled.importances().get(0).importance())
                .isCloseTo(full.importances().get(0).importance(), org.assertj.core.data.Offset.offset(0.05));
        assertThat(new ParameterImportance(32, 2048, 10, 3, 3000).compute(large, 0, Direction.MINIMIZE, new SplittableRandom(11)))
                .as("seeded").isEqualTo(sampled);
    }

    @Test
    void theDefaultReadsAtMostFiveThousandTrials() {
        ParameterImportance.Result r = new ParameterImportance().compute(trials(12_000, 8), 0, Direction.MINIMIZE, new SplittableRandom(3));
        assertThat(r.trials()).isEqualTo(12_000);
        assertThat(r.sample()).isLessThanOrEqualTo(ParameterImportance.MAX_TRIALS).isGreaterThan(4900);
        assertThat(r.importances().get(0).param()).isEqualTo("a");
    }
}
