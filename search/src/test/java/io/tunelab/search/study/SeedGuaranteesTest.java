package io.tunelab.search.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.trial.Trial;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a seed reproduces, as the README and {@link Study#optimize(Objective, OptimizeOptions)} state it: left at the
 * default, the same parameters per trial number for the same number of slots; with {@code deterministic(true)}, for
 * any number of slots, one included.
 */
class SeedGuaranteesTest {
    private static final int TRIALS = 16;

    /** Two floats and a category, with a wait that makes trials finish out of order when several run at once. */
    private static double objective(Trial trial) throws InterruptedException {
        double x = trial.suggestFloat("x", -5, 10);
        double y = trial.suggestFloat("y", 0, 15);
        Thread.sleep((trial.number() * 7L) % 5 * 3);
        return (x - 1) * (x - 1) + Math.abs(y - 2) + (trial.suggestCategorical("kind", List.of("a", "b")).equals("a") ? 0 : 1);
    }

    /** Per trial number, the parameters a study seeded 11 got on {@code slots} slots, built as {@code mode} says. */
    private static Map<Integer, Map<String, Object>> params(String sampler, UnaryOperator<StudyBuilder> mode, int slots) {
        Study study = mode.apply(Study.builder("seeded").seed(11).sampler(sampler)).create();
        study.optimize(SeedGuaranteesTest::objective, OptimizeOptions.trials(TRIALS).withParallelism(slots));
        Map<Integer, Map<String, Object>> out = new TreeMap<>();
        study.trials().forEach(t -> out.put(t.number(), t.params()));
        return out;
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void leftAtTheDefaultASeededStudyGivesTheSameParametersForTheSameNumberOfSlotsAndRunsPlainlyOnOne() {
        UnaryOperator<StudyBuilder> byDefault = b -> b;
        Map<Integer, Map<String, Object>> oneSlot = params("auto", byDefault, 1);
        assertThat(oneSlot).hasSize(TRIALS);
        assertThat(params("auto", byDefault, 1)).isEqualTo(oneSlot);
        assertThat(params("auto", b -> b.deterministic(false), 1)).as("plain sequential, as Optuna").isEqualTo(oneSlot);
        Map<Integer, Map<String, Object>> twoSlots = params("auto", byDefault, 2);
        assertThat(params("auto", byDefault, 2)).isEqualTo(twoSlots);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tpe", "gp", "cmaes", "auto"})
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void withDeterministicTrueOneTwoAndFourSlotsGiveTheSameParametersPerTrialNumber(String sampler) {
        UnaryOperator<StudyBuilder> deterministic = b -> b.deterministic(true);
        Map<Integer, Map<String, Object>> oneSlot = params(sampler, deterministic, 1);
        assertThat(oneSlot).hasSize(TRIALS);
        assertThat(params(sampler, deterministic, 2)).isEqualTo(oneSlot);
        assertThat(params(sampler, deterministic, 4)).isEqualTo(oneSlot);
    }

    @Test
    void aDeterministicStudyOptimizedForANumberOfTrialsRunsThemOneAtATime() {
        Study study = Study.builder("one-at-a-time").seed(11).deterministic(true).create();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        study.optimize(trial -> {
            maxConcurrent.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(20);
            running.decrementAndGet();
            return trial.suggestFloat("x", 0, 1);
        }, 8);
        assertThat(study.trials()).hasSize(8);
        assertThat(maxConcurrent).hasValue(1);
    }
}
