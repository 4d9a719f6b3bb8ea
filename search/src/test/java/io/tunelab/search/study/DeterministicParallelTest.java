package io.tunelab.search.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.ForwardingSampler;
import io.tunelab.search.sampler.GridSampler;
import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.sampler.auto.AutoOptions;
import io.tunelab.search.sampler.auto.AutoSampler;
import io.tunelab.search.sampler.cmaes.CmaesSampler;
import io.tunelab.search.sampler.gp.GpSampler;
import io.tunelab.search.sampler.nsga2.Nsga2Options;
import io.tunelab.search.sampler.nsga2.Nsga2Sampler;
import io.tunelab.search.sampler.qmc.QmcSampler;
import io.tunelab.search.sampler.tpe.TpeSampler;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialPrunedException;
import io.tunelab.search.trial.TrialState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
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
            case "cmaes" -> CmaesSampler::new;
            case "qmc" -> QmcSampler::new;
            case "grid" -> streams -> GridSampler.ofValues(grid());
            // the defaults but GP for 4 trials per parameter, then CMA-ES: both phases and the hand-over within TRIALS
            case "auto" -> streams -> new AutoSampler(streams, new AutoOptions(4, 250, 0, 3, 3, AutoOptions.LOCAL_MAX_PARAMETERS,
                    AutoOptions.CREDIT_MIN_PARAMETERS, AutoOptions.REGION_MIN_PARAMETERS));
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** 48 points over Branin's x and y and the category: more than the trials, in the order given. */
    private static Map<String, List<?>> grid() {
        Map<String, List<?>> grid = new LinkedHashMap<>();
        grid.put("x", List.of(-5.0, 0.0, 5.0, 10.0));
        grid.put("y", List.of(0.0, 5.0, 10.0, 15.0));
        grid.put("kind", List.of("a", "b", "c"));
        return grid;
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

    private static Map<Integer, String> paramsByNumber(String sampler, int parallelism) {
        return paramsByNumber(sampler, parallelism, DeterministicParallelTest::objective);
    }

    /** Per trial number, the sampler the trial recorded and its parameters. */
    private static Map<Integer, String> paramsByNumber(String sampler, int parallelism, Waiting objective) {
        Study study = Study.builder("det").seed(7).deterministic(true).sampler(sampler(sampler)).create();
        study.optimize(t -> {
            try {
                return objective.value(t);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, OptimizeOptions.trials(TRIALS).withParallelism(parallelism));
        Map<Integer, String> out = new TreeMap<>();
        for (FrozenTrial t : study.trials()) {
            out.put(t.number(), t.systemAttrs().get(Sampler.SAMPLER_ATTR) + " " + t.params());
        }
        return out;
    }

    /**
     * Runs {@code objective} with parallelism 1, 2 and 4, asserts the same sampler and parameters per trial number and
     * returns them.
     */
    private static Map<Integer, String> assertSameParametersWhateverTheParallelism(String sampler, Waiting objective) {
        Map<Integer, String> sequential = paramsByNumber(sampler, 1, objective);
        assertThat(sequential).hasSize(TRIALS);
        assertThat(paramsByNumber(sampler, 2, objective)).isEqualTo(sequential);
        assertThat(paramsByNumber(sampler, 4, objective)).isEqualTo(sequential);
        return sequential;
    }

    @ParameterizedTest
    @ValueSource(strings = {"tpe", "gp", "qmc", "grid"})
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theSameSeedGivesTheSameParametersPerTrialNumberWhetherOneTwoOrFourRunAtOnce(String sampler) {
        Map<Integer, String> sequential = paramsByNumber(sampler, 1);
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

    /** Two floats only, so that {@code auto} takes its numeric path (GP, local GP and TPE turns, then CMA-ES). */
    private static double twoFloats(Trial trial) throws InterruptedException {
        double x = trial.suggestFloat("x", -5, 10);
        Thread.sleep((trial.number() * 7L) % 5 * 3);
        double y = trial.suggestFloat("y", 0, 15);
        return (x - 1) * (x - 1) + Math.abs(y - 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cmaes", "auto"})
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void onTwoAndOnFourFloatsCmaesAndAutoGiveTheSameParametersPerTrialNumberWhateverTheParallelism(String sampler) {
        assertThat(assertSameParametersWhateverTheParallelism(sampler, DeterministicParallelTest::twoFloats).values())
                .as("CMA-ES proposed some of the trials").anyMatch(p -> p.startsWith("cmaes {"));
        assertSameParametersWhateverTheParallelism(sampler, DeterministicParallelTest::fourFloats);
    }

    /** Two floats, trial 3 pruned: {@code auto} turns to TPE once a trial is pruned. */
    private static double twoFloatsThirdPruned(Trial trial) throws InterruptedException {
        double value = twoFloats(trial);
        if (trial.number() == 3) {
            throw new TrialPrunedException("pruned at step 1");
        }
        return value;
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void autoTurnsToTpeAfterAPrunedTrialAtTheSameTrialNumberWhateverTheParallelism() {
        assertThat(assertSameParametersWhateverTheParallelism("auto", DeterministicParallelTest::twoFloatsThirdPruned)
                .values()).as("TPE proposed some of the trials").anyMatch(p -> p.startsWith("tpe {"));
    }

    /** Per trial number, the parameters NSGA-II (generations of 6) gave a two-objective study at {@code parallelism}. */
    private static Map<Integer, String> nsga2ParamsByNumber(int parallelism) {
        Study study = Study.builder("det-mo").seed(7).deterministic(true).directions(Direction.MINIMIZE, Direction.MINIMIZE)
                .sampler(streams -> new Nsga2Sampler(streams, Nsga2Options.defaults().withPopulationSize(6))).create();
        study.optimizeMulti(t -> {
            double x = t.suggestFloat("x", 0, 1);
            double y = t.suggestFloat("y", 0, 1);
            try {
                Thread.sleep((t.number() * 7L) % 5 * 3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return new double[] {x, (1 + y) * (1 - Math.sqrt(x / (1 + y)))};
        }, OptimizeOptions.trials(TRIALS).withParallelism(parallelism));
        Map<Integer, String> out = new TreeMap<>();
        study.trials().forEach(t -> out.put(t.number(), t.params().toString()));
        return out;
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void nsga2GivesTheSameParametersPerTrialNumberWhateverTheParallelism() {
        Map<Integer, String> sequential = nsga2ParamsByNumber(1);
        assertThat(sequential).hasSize(TRIALS);
        assertThat(nsga2ParamsByNumber(2)).isEqualTo(sequential);
        assertThat(nsga2ParamsByNumber(4)).isEqualTo(sequential);
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
    @ValueSource(strings = {"tpe", "gp", "cmaes", "auto", "qmc", "grid"})
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

    /** Per trial number, the parameters of a study seeded 7 and left at the default mode, run on {@code slots} slots. */
    private static Map<Integer, Map<String, Object>> paramsOfADefaultSeededStudy(Sampler sampler, int slots) {
        StudyBuilder builder = Study.builder("seeded").seed(7);
        Study study = (sampler == null ? builder : builder.sampler(sampler)).create();
        study.optimize(t -> {
            try {
                return objective(t);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, OptimizeOptions.trials(TRIALS).withParallelism(slots));
        Map<Integer, Map<String, Object>> out = new TreeMap<>();
        study.trials().forEach(t -> out.put(t.number(), t.params()));
        return out;
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aSeededStudyOptimizedTwiceOnTwoSlotsGivesTheSameParametersPerTrialNumber() {
        Map<Integer, Map<String, Object>> first = paramsOfADefaultSeededStudy(null, 2);
        assertThat(first).hasSize(TRIALS);
        assertThat(paramsOfADefaultSeededStudy(null, 2)).isEqualTo(first);
        assertThat(paramsOfADefaultSeededStudy(null, 4)).isEqualTo(first);
    }

    /** TPE that claims to decide from more than its view, as a user's own sampler does by default. */
    private static final class LookingBeyondItsView extends ForwardingSampler {
        LookingBeyondItsView() {
            super(new TpeSampler(RandomStreams.seeded(7)));
        }

        @Override
        public boolean decidesFromViewOnly() {
            return false;
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aSeededStudyWhoseSamplerDecidesFromMoreThanItsViewRunsOneTrialAtATimeAsOnOneSlot() {
        Map<Integer, Map<String, Object>> sequential = paramsOfADefaultSeededStudy(new LookingBeyondItsView(), 1);
        assertThat(paramsOfADefaultSeededStudy(new LookingBeyondItsView(), 2)).hasSize(TRIALS).isEqualTo(sequential);
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void aSeededStudyBuiltWithDeterministicFalseRunsItsTrialsAtOnce() throws Exception {
        Study study = Study.builder("free").seed(7).deterministic(false).create();
        CyclicBarrier bothRunning = new CyclicBarrier(2);
        study.optimize(t -> {
            bothRunning.await(30, TimeUnit.SECONDS);
            return t.suggestFloat("x", 0, 1);
        }, OptimizeOptions.trials(2).withParallelism(2));
        assertThat(study.trials()).allMatch(t -> t.state() == TrialState.COMPLETE);
    }
}
