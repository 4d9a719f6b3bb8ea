package io.tunelab.search.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.study.Objective;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.RangeOptions;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every single-objective {@link Sampler} must pass (see its Javadoc): values inside their
 * distributions, the same seed giving the same sequence, thread safety under parallel asks, conditional
 * (define-by-run) spaces, and, for a sampler that {@linkplain Sampler#decidesFromViewOnly() decides from its
 * view only}, the same parameters per trial number in deterministic mode whatever the parallelism. Shipped in
 * the search test-jar: a sampler's test extends this class and implements {@link #sampler(RandomStreams)}
 * (see {@code EverySamplerKeepsTheContractTest}).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
public abstract class SamplerContract {
    private static final int TRIALS = 30;

    /** The sampler under test, drawing its randomness from {@code streams}. */
    protected abstract Sampler sampler(RandomStreams streams);

    /** Every kind of distribution, one of them conditional on a categorical. */
    private static double mixed(Trial t) {
        double v = t.suggestFloat("x", -2, 3) + t.suggestFloat("lr", 1e-4, 1e-1, RangeOptions.log())
                + t.suggestFloat("dropout", 0, 0.5, RangeOptions.step(0.1)) + t.suggestInt("layers", 1, 4)
                + t.suggestInt("units", 16, 512, RangeOptions.log()) / 100.0
                + t.suggestInt("batch", 16, 128, RangeOptions.step(16)) / 100.0 + t.suggestExpon("decay", 0.5);
        String optimizer = t.suggestCategorical("optimizer", List.of("sgd", "adam", "rmsprop"));
        if (optimizer.equals("sgd")) {
            v += t.suggestFloat("momentum", 0, 0.99);
        }
        return v * v;
    }

    private Study run(long seed, int parallelism, Objective objective) {
        Study study = Study.builder("contract").seed(seed).sampler(this::sampler).create();
        study.optimize(objective, OptimizeOptions.trials(TRIALS).withParallelism(parallelism));
        return study;
    }

    private static Map<Integer, Map<String, Object>> params(Study study) {
        Map<Integer, Map<String, Object>> out = new TreeMap<>();
        study.trials().forEach(t -> out.put(t.number(), t.params()));
        return out;
    }

    @Test
    void everyValueLiesInsideItsDistribution() {
        for (FrozenTrial t : run(1, 1, SamplerContract::mixed).trials()) {
            assertThat(t.state()).as("trial %d: %s", t.number(), t.message()).isEqualTo(TrialState.COMPLETE);
            t.distributions().forEach((name, d) ->
                    assertThat(d.contains(t.internalParam(name))).as("%s = %s in %s", name, t.params().get(name), d).isTrue());
        }
    }

    @Test
    void theSameSeedGivesTheSameSequenceAndAnotherSeedAnother() {
        Map<Integer, Map<String, Object>> first = params(run(5, 1, SamplerContract::mixed));
        assertThat(params(run(5, 1, SamplerContract::mixed))).hasSize(TRIALS).isEqualTo(first);
        assertThat(params(run(6, 1, SamplerContract::mixed))).isNotEqualTo(first);
    }

    @Test
    void parallelAsksFromFourThreadsAllSucceedInsideTheirDistributions() {
        Study study = run(2, 4, SamplerContract::mixed);
        assertThat(study.trials()).hasSize(TRIALS).allSatisfy(t -> {
            assertThat(t.state()).as("trial %d: %s", t.number(), t.message()).isEqualTo(TrialState.COMPLETE);
            t.distributions().forEach((name, d) -> assertThat(d.contains(t.internalParam(name))).isTrue());
        });
    }

    /** {@link #mixed}, with a wait that makes trials finish out of order when several run at once. */
    private static double mixedOutOfOrder(Trial t) {
        try {
            Thread.sleep((t.number() * 7L) % 5 * 3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return mixed(t);
    }

    private Map<Integer, Map<String, Object>> deterministicParams(int parallelism) {
        Study study = Study.builder("contract-det").seed(4).deterministic(true).sampler(this::sampler).create();
        study.optimize(SamplerContract::mixedOutOfOrder, OptimizeOptions.trials(TRIALS).withParallelism(parallelism));
        return params(study);
    }

    @Test
    void aSamplerThatDecidesFromItsViewOnlyGivesTheSameParametersPerTrialNumberAtParallelismOneAndFour() {
        Map<Integer, Map<String, Object>> sequential = deterministicParams(1);
        assertThat(sequential).hasSize(TRIALS);
        int parallelism = sampler(RandomStreams.seeded(4)).decidesFromViewOnly() ? 4 : 1;
        assertThat(deterministicParams(parallelism)).as("parallelism %d", parallelism).isEqualTo(sequential);
    }

    @Test
    void aConditionalParameterExistsExactlyWhenItsConditionHolds() {
        for (FrozenTrial t : run(3, 1, SamplerContract::mixed).trials()) {
            assertThat(t.params().containsKey("momentum")).as("trial %d", t.number())
                    .isEqualTo(t.params().get("optimizer").equals("sgd"));
        }
    }
}
