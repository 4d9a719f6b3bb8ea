package io.tunelab.search.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.study.Objective;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.RangeOptions;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * (see {@code EverySamplerKeepsTheContractTest}), and overrides {@link #space()} when the sampler needs another
 * kind of space than {@link Space#MIXED}, and {@link #drawsRandomness()} when it draws none.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
public abstract class SamplerContract {
    private static final int TRIALS = 30;

    /** The kinds of space a sampler is held to the contract on, each with its objective. */
    protected enum Space {
        /** Every kind of distribution, one of them conditional on a categorical: the default. */
        MIXED(SamplerContract::mixed, SamplerContract::mixed),
        /**
         * Three numeric parameters (a float, a log float, an int) and no categorical: the space in which {@code auto}
         * takes its numeric route (GP, local GP and TPE turns, then CMA-ES). The conditional test still runs on
         * {@link #MIXED}: a numeric sampler must cope with a conditional space too.
         */
        NUMERIC(SamplerContract::numeric, SamplerContract::mixed),
        /**
         * Finitely many values, {@link #FINITE_SPACE} (with {@link #finiteConfiguration}: momentum only with sgd), for a
         * sampler given its space up front, such as the grid.
         */
        FINITE(SamplerContract::finite, SamplerContract::finite);

        private final Objective objective;
        private final Objective conditional;

        Space(Objective objective, Objective conditional) {
            this.objective = objective;
            this.conditional = conditional;
        }
    }

    /** The sampler under test, drawing its randomness from {@code streams}. */
    protected abstract Sampler sampler(RandomStreams streams);

    /** The space the sampler is held to the contract on: {@link Space#MIXED} unless overridden. */
    protected Space space() {
        return Space.MIXED;
    }

    /**
     * Whether the sampler draws randomness (true unless overridden): then another seed must give another sequence,
     * otherwise every seed the same.
     */
    protected boolean drawsRandomness() {
        return true;
    }

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

    /** Three numeric parameters: a float, a log float and an int. */
    private static double numeric(Trial t) {
        double x = t.suggestFloat("x", -2, 3);
        double lr = Math.log10(t.suggestFloat("lr", 1e-4, 1e-1, RangeOptions.log()));
        int layers = t.suggestInt("layers", 1, 4);
        return (x - 1) * (x - 1) + (lr + 2) * (lr + 2) + (layers - 3) * (layers - 3) + 0.1 * Math.sin(5 * x);
    }

    /**
     * {@link #finite}'s space in grid order: an optimizer, layers, dropout, units and momentum (used with sgd only);
     * 1,536 points, 960 configurations.
     */
    public static final Map<String, Distribution> FINITE_SPACE = finiteSpace();

    private static Map<String, Distribution> finiteSpace() {
        Map<String, Distribution> space = new LinkedHashMap<>();
        space.put("optimizer", CategoricalDistribution.of("sgd", "adam"));
        space.put("layers", IntDistribution.uniform(1, 4));
        space.put("dropout", FloatDistribution.stepped(0, 0.5, 0.1));
        space.put("units", IntDistribution.stepped(16, 128, 16));
        space.put("momentum", FloatDistribution.stepped(0, 0.9, 0.3));
        return Collections.unmodifiableMap(space);
    }

    /** The parameters a trial of {@link #finite} with a point's values has: momentum only with sgd. */
    public static Map<String, Object> finiteConfiguration(Map<String, Object> point) {
        Map<String, Object> used = new LinkedHashMap<>(point);
        if (!"sgd".equals(point.get("optimizer"))) {
            used.remove("momentum");
        }
        return used;
    }

    /** Finitely many values ({@link #FINITE_SPACE}), momentum conditional on the optimizer. */
    private static double finite(Trial t) {
        String optimizer = t.suggestCategorical("optimizer", List.of("sgd", "adam"));
        double v = t.suggestInt("layers", 1, 4) + t.suggestFloat("dropout", 0, 0.5, RangeOptions.step(0.1))
                + t.suggestInt("units", 16, 128, RangeOptions.step(16)) / 100.0;
        if (optimizer.equals("sgd")) {
            v += t.suggestFloat("momentum", 0, 0.9, RangeOptions.step(0.3));
        }
        return v * v;
    }

    /** A study of {@link #TRIALS} trials of the {@link #space()}'s objective, at {@code parallelism}. */
    protected Study run(long seed, int parallelism) {
        return run(seed, parallelism, space().objective);
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
        for (FrozenTrial t : run(1, 1).trials()) {
            assertThat(t.state()).as("trial %d: %s", t.number(), t.message()).isEqualTo(TrialState.COMPLETE);
            t.distributions().forEach((name, d) ->
                    assertThat(d.contains(t.internalParam(name))).as("%s = %s in %s", name, t.params().get(name), d).isTrue());
        }
    }

    @Test
    void theSameSeedGivesTheSameSequenceAndAnotherSeedAnotherIfTheSamplerDrawsRandomness() {
        Map<Integer, Map<String, Object>> first = params(run(5, 1));
        assertThat(params(run(5, 1))).hasSize(TRIALS).isEqualTo(first);
        if (drawsRandomness()) {
            assertThat(params(run(6, 1))).isNotEqualTo(first);
        } else {
            assertThat(params(run(6, 1))).isEqualTo(first);
        }
    }

    @Test
    void parallelAsksFromFourThreadsAllSucceedInsideTheirDistributions() {
        Study study = run(2, 4);
        assertThat(study.trials()).hasSize(TRIALS).allSatisfy(t -> {
            assertThat(t.state()).as("trial %d: %s", t.number(), t.message()).isEqualTo(TrialState.COMPLETE);
            t.distributions().forEach((name, d) -> assertThat(d.contains(t.internalParam(name))).isTrue());
        });
    }

    /** The {@link #space()}'s objective, with a wait that makes trials finish out of order when several run at once. */
    private double outOfOrder(Trial t) throws Exception {
        try {
            Thread.sleep((t.number() * 7L) % 5 * 3);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return space().objective.evaluate(t);
    }

    private Map<Integer, Map<String, Object>> deterministicParams(int parallelism) {
        Study study = Study.builder("contract-det").seed(4).deterministic(true).sampler(this::sampler).create();
        study.optimize(this::outOfOrder, OptimizeOptions.trials(TRIALS).withParallelism(parallelism));
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
        for (FrozenTrial t : run(3, 1, space().conditional).trials()) {
            assertThat(t.params().containsKey("momentum")).as("trial %d", t.number())
                    .isEqualTo(t.params().get("optimizer").equals("sgd"));
        }
    }
}
