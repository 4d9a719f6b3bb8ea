package io.tunelab.search.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.sampler.gp.GpSampler;
import io.tunelab.search.sampler.tpe.TpeSampler;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Trial;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Deterministic mode: the same seed gives the same parameters per trial number whatever the parallelism. */
class DeterministicParallelTest {
    private static final int TRIALS = 24;

    private static Function<RandomStreams, Sampler> sampler(String name) {
        return switch (name) {
            case "tpe" -> TpeSampler::new;
            case "gp" -> GpSampler::new;
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Branin-like, with a wait that makes trials finish out of order when several run at once. */
    private static double objective(Trial trial) throws InterruptedException {
        return branin(trial, trial.suggestFloat("x", -5, 10), trial.suggestFloat("y", 0, 15));
    }

    private static double branin(Trial trial, double x, double y) throws InterruptedException {
        String kind = trial.suggestCategorical("kind", List.of("a", "b", "c"));
        Thread.sleep((trial.number() * 7L) % 5 * 3);
        double u = y - 5.1 / (4 * Math.PI * Math.PI) * x * x + 5 / Math.PI * x - 6;
        return u * u + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x) + 10 + (kind.equals("b") ? 0 : 2);
    }

    /**
     * The same on a grid: every parameter holds finitely many values, so the GP also keeps off evaluated and pending
     * points there ({@code KnownPoints}), which must not make it depend on the schedule.
     */
    private static double objectiveOnAGrid(Trial trial) throws InterruptedException {
        return branin(trial, trial.suggestInt("x", -5, 10), trial.suggestInt("y", 0, 15));
    }

    /** A trial's objective that may be interrupted while it waits. */
    private interface Waiting {
        double value(Trial trial) throws InterruptedException;
    }

    private static Map<Integer, Map<String, Object>> paramsByNumber(String sampler, int parallelism) {
        return paramsByNumber(sampler, parallelism, DeterministicParallelTest::objective);
    }

    private static Map<Integer, Map<String, Object>> paramsByNumber(String sampler, int parallelism, Waiting objective) {
        Study study = Study.builder("det").seed(7).deterministic(true).sampler(sampler(sampler)).create();
        study.optimize(t -> {
            try {
                return objective.value(t);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, OptimizeOptions.trials(TRIALS).withParallelism(parallelism));
        Map<Integer, Map<String, Object>> out = new TreeMap<>();
        for (FrozenTrial t : study.trials()) {
            out.put(t.number(), t.params());
        }
        return out;
    }

    /** Runs {@code objective} with parallelism 1, 2 and 4 and asserts the same parameters per trial number. */
    private static void assertSameParametersWhateverTheParallelism(String sampler, Waiting objective) {
        Map<Integer, Map<String, Object>> sequential = paramsByNumber(sampler, 1, objective);
        assertThat(sequential).hasSize(TRIALS);
        assertThat(paramsByNumber(sampler, 2, objective)).isEqualTo(sequential);
        assertThat(paramsByNumber(sampler, 4, objective)).isEqualTo(sequential);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tpe", "gp"})
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theSameSeedGivesTheSameParametersPerTrialNumberWhetherOneTwoOrFourRunAtOnce(String sampler) {
        Map<Integer, Map<String, Object>> sequential = paramsByNumber(sampler, 1);
        assertThat(sequential).hasSize(TRIALS);
        assertThat(paramsByNumber(sampler, 2)).isEqualTo(sequential);
        assertThat(paramsByNumber(sampler, 4)).isEqualTo(sequential);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tpe", "gp"})
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void onAGridOfIntsAndACategoricalTheSameSeedGivesTheSameParametersPerTrialNumberWhateverTheParallelism(String sampler) {
        assertSameParametersWhateverTheParallelism(sampler, DeterministicParallelTest::objectiveOnAGrid);
    }

    /** Four floats: TPE's model credit decides its odd trials from the history ({@code TpeOptions.modelCredit}). */
    private static double fourFloats(Trial trial) throws InterruptedException {
        double w = trial.suggestFloat("w", -2, 2);
        double z = trial.suggestFloat("z", -2, 2);
        Thread.sleep((trial.number() * 7L) % 5 * 3);
        return w * w + z * z + Math.abs(trial.suggestFloat("x", -5, 10) - 1) + Math.abs(trial.suggestFloat("y", 0, 15) - 2);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void inAFourParameterSpaceTpesModelTurnsGiveTheSameParametersPerTrialNumberWhateverTheParallelism() {
        assertSameParametersWhateverTheParallelism("tpe", DeterministicParallelTest::fourFloats);
    }

    /** A parameter that first appears at trial 12, suggested after the wait: decided outside the relative space. */
    private static double lateParameter(Trial trial) throws InterruptedException {
        double x = trial.suggestFloat("x", -5, 10);
        Thread.sleep((trial.number() * 7L) % 5 * 3);
        double z = trial.number() >= 12 ? trial.suggestFloat("z", 0, 1) : 0;
        return (x - 1) * (x - 1) + z;
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aParameterDecidedOutsideTheRelativeSpaceAfterOtherTrialsStartedIsTheSameWhateverTheParallelism() {
        assertSameParametersWhateverTheParallelism("tpe", DeterministicParallelTest::lateParameter);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tpe", "gp"})
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aSeededStudyOptimizedWithoutOptionsIsReproducible(String sampler) {
        Map<Integer, Map<String, Object>> first = new TreeMap<>();
        Map<Integer, Map<String, Object>> second = new TreeMap<>();
        for (Map<Integer, Map<String, Object>> out : List.of(first, second)) {
            Study study = Study.builder("plain").seed(11).sampler(sampler(sampler)).create();
            study.optimize(t -> t.suggestFloat("x", -5, 10) * t.suggestFloat("y", 0, 15), TRIALS);
            study.trials().forEach(t -> out.put(t.number(), t.params()));
        }
        assertThat(second).hasSize(TRIALS).isEqualTo(first);
    }
}
