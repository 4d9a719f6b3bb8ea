package io.tunelab.search.sampler.auto;

import io.tunelab.search.trial.RangeOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.sampler.ImprovementCredit;
import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.sampler.SamplerException;
import io.tunelab.search.study.MultiObjective;
import io.tunelab.search.study.Objective;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class AutoSamplerTest {

    /** Whose turn each trial was, in number order (a start-up trial's is the sampler whose start-up drew it). */
    private static List<Object> samplers(Study study) {
        return study.trials().stream().map(Sampler::turnOf).map(Object.class::cast).toList();
    }

    private static Study run(Objective objective, int trials, AutoOptions options) {
        Study study = Study.builder("auto").seed(3).sampler(new AutoSampler(RandomStreams.seeded(3), options)).create();
        study.optimize(objective, OptimizeOptions.trials(trials).withParallelism(1));
        return study;
    }

    @Test
    void theRandomStartUpTrialsRecordRandomAsTheirSamplerAndTheDelegateWhoseTurnTheyWere() {
        Study study = run(t -> t.suggestFloat("x", 0, 1) + t.suggestFloat("y", 0, 1), 14, AutoOptions.defaults());
        int startUp = AutoSampler.gpDefaults().startupTrials();
        List<FrozenTrial> trials = study.trials();
        assertThat(trials.subList(0, startUp)).allSatisfy(t -> assertThat(t.systemAttrs())
                .containsEntry(Sampler.SAMPLER_ATTR, "random").extractingByKey(Sampler.STARTUP_OF_ATTR)
                .isIn("gp", "gp-local", "tpe"));
        assertThat(samplers(study).subList(0, 3)).containsExactly("gp", "gp-local", "tpe");
        assertThat(trials.subList(startUp, 14)).allSatisfy(t -> assertThat(t.systemAttrs())
                .doesNotContainKey(Sampler.STARTUP_OF_ATTR).extractingByKey(Sampler.SAMPLER_ATTR).isNotEqualTo("random"));
    }

    @Test
    void aStartUpTrialCountsInTheCreditForTheSamplerWhoseStartUpDrewIt() {
        FrozenTrial startUp = new FrozenTrial(1, 1, TrialState.COMPLETE, List.of(1.0), null, null, Map.of(), Map.of(),
                new TreeMap<>(), Map.of(), Sampler.startupAttrs("gp"), null);
        assertThat(AutoSampler.creditSide(startUp)).isEqualTo(ImprovementCredit.Side.DEFENDER);
        assertThat(AutoSampler.creditSide(withSampler("random"))).isNull();
    }

    @Test
    void aNumericSpaceGoesToGpForTheFirstTrialsPerDimensionThenToCmaEs() {
        Study study = run(t -> {
            double x = t.suggestFloat("x", -5, 10);
            int k = t.suggestInt("k", 0, 15);
            return (x - 1) * (x - 1) + (k - 3) * (k - 3);
        }, 30, new AutoOptions(5, 250, 0));
        List<Object> used = samplers(study);
        assertThat(used.subList(0, 10)).containsOnly("gp");
        assertThat(used.subList(10, 30)).containsOnly("cmaes");
        assertThat(study.bestTrial().value()).isLessThan(1.0);
    }

    @Test
    void theGpPhaseIsCappedWhateverTheDimension() {
        Study study = run(t -> t.suggestFloat("x", 0, 1) + t.suggestFloat("y", 0, 1), 12, new AutoOptions(100, 8, 0));
        assertThat(samplers(study).subList(8, 12)).containsOnly("cmaes");
    }

    @Test
    void gpHandsOverToCmaEsOnceTheBestValueHasStoppedImproving() {
        Study study = run(t -> Math.floor(t.suggestFloat("x", 0, 1)) + t.suggestFloat("y", 0, 1) * 0, 24,
                new AutoOptions(100, 250, 2));
        List<Object> used = samplers(study);
        assertThat(used.subList(0, 20)).containsOnly("gp");
        assertThat(used.subList(20, 24)).containsOnly("cmaes");
    }

    @Test
    void aCategoricalParameterSendsTheStudyToTpe() {
        Study study = run(t -> {
            String opt = t.suggestCategorical("optimizer", List.of("sgd", "adam"));
            return t.suggestFloat("lr", 1e-4, 1e-1, RangeOptions.log()) * (opt.equals("adam") ? 1 : 2);
        }, 15, AutoOptions.defaults());
        assertThat(samplers(study).subList(1, 15)).containsOnly("tpe");
    }

    @Test
    void aConditionalSpaceSendsTheStudyToTpe() {
        Study study = run(t -> {
            int layers = t.suggestInt("layers", 1, 3);
            double s = 0;
            for (int i = 0; i < layers; i++) {
                s += t.suggestFloat("units_" + i, 0, 1);
            }
            return s;
        }, 20, AutoOptions.defaults());
        assertThat(samplers(study).subList(12, 20)).containsOnly("tpe");
    }

    @Test
    void oncePruningStartsTheStudyGoesToTpe() {
        Study study = run(t -> {
            double x = t.suggestFloat("x", 0, 1);
            if (t.number() == 3) {
                throw new io.tunelab.search.trial.TrialPrunedException("pruned at step 1");
            }
            return x;
        }, 8, AutoOptions.defaults());
        assertThat(samplers(study).subList(0, 4)).containsExactly("gp", "gp-local", "tpe", "gp");
        assertThat(samplers(study).subList(4, 8)).containsOnly("tpe");
    }

    @Test
    void severalObjectivesGoToNsga2() {
        MultiObjective zdt = t -> {
            double x = t.suggestFloat("x", 0, 1);
            double y = t.suggestFloat("y", 0, 1);
            return new double[] {x, 1 + y - Math.sqrt(x)};
        };
        Study study = Study.builder("mo").directions(Direction.MINIMIZE, Direction.MINIMIZE)
                .sampler(new AutoSampler(3)).create();
        study.optimizeMulti(zdt, OptimizeOptions.trials(10).withParallelism(1));
        assertThat(samplers(study)).containsOnly("nsga2");
    }

    @Test
    void isTheDefaultSamplerOfStudyBuilder() {
        Study study = Study.builder("default").create();
        assertThat(study.sampler()).isInstanceOf(AutoSampler.class);
        assertThat(study.systemAttrs().get("sampler")).asString().contains("type=auto");
    }

    @Test
    void theSameSeedGivesTheSameTrials() {
        Objective f = t -> Math.pow(t.suggestFloat("x", -5, 10) - 1, 2) + Math.pow(t.suggestFloat("y", 0, 15) - 2, 2);
        List<Object> a = run(f, 25, new AutoOptions(5, 250, 0)).trials().stream().map(t -> (Object) t.params()).toList();
        List<Object> b = run(f, 25, new AutoOptions(5, 250, 0)).trials().stream().map(t -> (Object) t.params()).toList();
        assertThat(a).isEqualTo(b);
    }

    private static final Objective BRANIN = t -> {
        double x = t.suggestFloat("x", -5, 10);
        double y = t.suggestFloat("y", 0, 15);
        double u = y - 5.1 / (4 * Math.PI * Math.PI) * x * x + 5 / Math.PI * x - 6;
        return u * u + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x) + 10;
    };

    /** The defaults with fixed turns: the swing turn never goes by credit (the tests of the credit are below). */
    private static final AutoOptions WITHOUT_CREDIT = AutoOptions.defaults().withCreditMinParameters(0);

    @Test
    void withTpeEveryThreeEveryThirdTrialOfTheGpPhaseIsProposedByTpeAndRecordedAsSuch() {
        List<Object> used = samplers(run(BRANIN, 30, WITHOUT_CREDIT.withTpeEvery(3).withLocalEvery(0)));
        for (int number = 0; number < 30; number++) {
            assertThat(used.get(number)).as("trial %d", number).isEqualTo(number % 3 == 2 ? "tpe" : "gp");
        }
    }

    @Test
    void thePortfolioEndsWithTheGpPhase() {
        List<Object> used = samplers(run(BRANIN, 16, new AutoOptions(5, 250, 0, 3)));
        assertThat(used.subList(10, 16)).containsOnly("cmaes");
    }

    @Test
    void thePortfolioGivesTheSameParametersPerTrialNumberWhetherOneOrTwoTrialsRunAtOnce() {
        Map<Integer, Object> sequential = deterministicParams(1);
        assertThat(sequential).hasSize(24);
        assertThat(deterministicParams(2)).isEqualTo(sequential);
        assertThat(deterministicParams(1)).isEqualTo(sequential);
    }

    private static Map<Integer, Object> deterministicParams(int parallelism) {
        return deterministicParams(parallelism, AutoOptions.defaults().withTpeEvery(3));
    }

    private static Map<Integer, Object> deterministicParams(int parallelism, AutoOptions options) {
        return deterministicRun(parallelism, options, BRANIN, 24);
    }

    /** Per trial number, the recorded sampler and the parameters of a deterministic study. */
    private static Map<Integer, Object> deterministicRun(int parallelism, AutoOptions options, Objective objective, int trials) {
        Study study = Study.builder("portfolio").seed(5).deterministic(true)
                .sampler(s -> new AutoSampler(s, options)).create();
        study.optimize(objective, OptimizeOptions.trials(trials).withParallelism(parallelism));
        Map<Integer, Object> out = new TreeMap<>();
        study.trials().forEach(t -> out.put(t.number(), t.systemAttrs().get("sampler") + " " + t.params()));
        return out;
    }

    @Test
    void byDefaultATwoParameterSpaceTakesTurnsGpThenALocalGpStepThenTpe() {
        List<Object> used = samplers(run(BRANIN, 12, AutoOptions.defaults()));
        assertThat(used).containsExactly("gp", "gp-local", "tpe", "gp", "gp-local", "tpe", "gp", "gp-local", "tpe",
                "gp", "gp-local", "tpe");
    }

    @Test
    void byDefaultAFourParameterSpaceHasNoLocalStepsAndEveryThirdTrialIsProposedByTpe() {
        Objective sphere4 = t -> {
            double s = 0;
            for (int i = 0; i < 4; i++) {
                s += Math.pow(t.suggestFloat("x" + i, -1, 1) - 0.3, 2);
            }
            return s;
        };
        List<Object> used = samplers(run(sphere4, 12, AutoOptions.defaults()));
        assertThat(used).containsExactly("gp", "gp", "tpe", "gp", "gp", "tpe", "gp", "gp", "tpe", "gp", "gp", "tpe");
    }

    @Test
    void withTpeEveryZeroTheGpPhaseIsGpAloneAndANegativeValueIsRejected() {
        assertThat(samplers(run(BRANIN, 12, AutoOptions.defaults().withTpeEvery(0).withLocalEvery(0)))).containsOnly("gp");
        assertThatThrownBy(() -> AutoOptions.defaults().withTpeEvery(-1))
                .isInstanceOf(SamplerException.class).hasMessageContaining("tpeEvery");
    }

    @Test
    void withLocalEveryThreeTheGpPhaseTakesTurnsGpThenALocalGpStepThenTpe() {
        List<Object> used = samplers(run(BRANIN, 24, WITHOUT_CREDIT.withLocalEvery(3)));
        for (int number = 0; number < 24; number++) {
            assertThat(used.get(number)).as("trial %d", number)
                    .isEqualTo(List.of("gp", "gp-local", "tpe").get(number % 3));
        }
    }

    @Test
    void withLocalEverySixEverySixthTrialIsALocalGpStepAndNeverATurnOfTpe() {
        List<Object> used = samplers(run(BRANIN, 18, WITHOUT_CREDIT.withLocalEvery(6)));
        assertThat(used).containsExactly("gp", "gp", "tpe", "gp", "gp-local", "tpe", "gp", "gp", "tpe", "gp",
                "gp-local", "tpe", "gp", "gp", "tpe", "gp", "gp-local", "tpe");
        assertThatThrownBy(() -> AutoOptions.defaults().withLocalEvery(1))
                .isInstanceOf(SamplerException.class).hasMessageContaining("localEvery must be 0 (never) or >= 2, got 1");
    }

    @Test
    void localGpStepsGiveTheSameParametersPerTrialNumberWhetherOneOrTwoTrialsRunAtOnce() {
        AutoOptions options = AutoOptions.defaults().withLocalEvery(3);
        Map<Integer, Object> sequential = deterministicParams(1, options);
        assertThat(sequential).hasSize(24);
        assertThat(deterministicParams(2, options)).isEqualTo(sequential);
    }

    @Test
    void localGpStepsAreTakenOnlyInSpacesOfAtMostLocalMaxParametersParameters() {
        AutoOptions local = AutoOptions.defaults().withLocalEvery(3);
        assertThat(samplers(run(BRANIN, 9, local.withLocalMaxParameters(1)))).doesNotContain("gp-local");
        assertThat(samplers(run(BRANIN, 9, local.withLocalMaxParameters(2)))).contains("gp-local");
        assertThatThrownBy(() -> local.withLocalMaxParameters(0))
                .isInstanceOf(SamplerException.class).hasMessageContaining("localMaxParameters must be >= 1, got 0");
    }

    /** Four parameters; TPE's turns (trial numbers 2, 5, 8, ...) improve the best value at every turn, the others never. */
    private static final Objective TPE_TURNS_IMPROVE = t -> {
        double s = 0;
        for (int i = 0; i < 4; i++) {
            s += t.suggestFloat("x" + i, -1, 1) * 1e-9;
        }
        return t.number() % 3 == 2 ? -t.number() + s : 100 + s;
    };

    /** Four parameters; the GP's turns improve the best value at every turn, TPE's never. */
    private static final Objective GP_TURNS_IMPROVE = t -> {
        double s = 0;
        for (int i = 0; i < 4; i++) {
            s += t.suggestFloat("x" + i, -1, 1) * 1e-9;
        }
        return t.number() % 3 != 2 ? -t.number() + s : 100 + s;
    };

    private static final List<Object> FIXED_TURNS = List.of("gp", "gp", "tpe", "gp", "gp", "tpe", "gp", "gp", "tpe", "gp",
            "gp", "tpe", "gp", "gp", "tpe", "gp", "gp", "tpe", "gp", "gp", "tpe");

    @Test
    void withTurnsByCreditTheGpTurnBeforeEachTpeTurnGoesToTpeOnceTpeHasImprovedTheBestValueMoreOften() {
        List<Object> used = samplers(run(TPE_TURNS_IMPROVE, 21, AutoOptions.defaults().withCreditMinParameters(4)));
        // trial 10, the first after the GP's random start-up, has no credit to go by, so it stays the GP's
        assertThat(used).containsExactly("gp", "gp", "tpe", "gp", "gp", "tpe", "gp", "gp", "tpe", "gp",
                "gp", "tpe", "gp", "tpe", "tpe", "gp", "tpe", "tpe", "gp", "tpe", "tpe");
    }

    @Test
    void withTurnsByCreditTheTurnsStayFixedWhileTheGpImprovesTheBestValueMoreOften() {
        assertThat(samplers(run(GP_TURNS_IMPROVE, 21, AutoOptions.defaults().withCreditMinParameters(4))))
                .isEqualTo(FIXED_TURNS);
    }

    @Test
    void turnsByCreditAreOnByDefaultInSpacesOfAnySizeAndOnlyInSpacesOfAtLeastCreditMinParametersParameters() {
        assertThat(AutoOptions.defaults().creditMinParameters()).isEqualTo(1);
        assertThat(samplers(run(TPE_TURNS_IMPROVE, 21, AutoOptions.defaults())))
                .isEqualTo(samplers(run(TPE_TURNS_IMPROVE, 21, AutoOptions.defaults().withCreditMinParameters(4))))
                .isNotEqualTo(FIXED_TURNS);
        assertThat(samplers(run(TPE_TURNS_IMPROVE, 21, AutoOptions.defaults().withCreditMinParameters(0))))
                .isEqualTo(FIXED_TURNS);
        assertThat(samplers(run(TPE_TURNS_IMPROVE, 21, AutoOptions.defaults().withCreditMinParameters(5))))
                .isEqualTo(FIXED_TURNS);
        assertThatThrownBy(() -> AutoOptions.defaults().withCreditMinParameters(-1))
                .isInstanceOf(SamplerException.class).hasMessageContaining("creditMinParameters must be >= 0 (0: never), got -1");
    }

    /** Two parameters; TPE's turns (trial numbers 2, 5, 8, ...) improve the best value at every turn, the others never. */
    private static final Objective TPE_TURNS_IMPROVE_2D = t -> {
        double s = t.suggestFloat("x", -1, 1) * 1e-9 + t.suggestFloat("y", -1, 1) * 1e-9;
        return t.number() % 3 == 2 ? -t.number() + s : 100 + s;
    };

    @Test
    void inSpacesOfAtMostThreeParametersTheLocalStepIsTheTurnThatGoesToTpeByCreditByDefault() {
        List<Object> fixed = List.of("gp", "gp-local", "tpe", "gp", "gp-local", "tpe", "gp", "gp-local", "tpe", "gp",
                "gp-local", "tpe", "gp", "gp-local", "tpe", "gp", "gp-local", "tpe", "gp", "gp-local", "tpe");
        // trial 10 has no credit yet (the GP's random start-up ends there); from trial 13 on TPE leads
        assertThat(samplers(run(TPE_TURNS_IMPROVE_2D, 21, AutoOptions.defaults()))).containsExactly("gp", "gp-local",
                "tpe", "gp", "gp-local", "tpe", "gp", "gp-local", "tpe", "gp", "gp-local", "tpe", "gp", "tpe", "tpe", "gp",
                "tpe", "tpe", "gp", "tpe", "tpe");
        assertThat(samplers(run(TPE_TURNS_IMPROVE_2D, 21, AutoOptions.defaults().withCreditMinParameters(4))))
                .isEqualTo(fixed);
    }

    /**
     * Two parameters; the turns other than TPE's fixed ones (trial numbers 2, 5, 8, ...) refine the best value by 0.001
     * at every turn, and TPE's fixed turns never improve it except trial 11, which takes a step of about 1.
     */
    private static final Objective TPE_STEPS_ONCE_2D = t -> {
        double s = t.suggestFloat("x", -1, 1) * 1e-9 + t.suggestFloat("y", -1, 1) * 1e-9;
        int n = t.number();
        if (n == 11) {
            return -1 + s;
        }
        return n % 3 == 2 ? 1e6 + s : (n > 11 ? -1 : 0) - n * 1e-3 + s;
    };

    private static final List<Object> FIXED_TURNS_2D = List.of("gp", "gp-local", "tpe", "gp", "gp-local", "tpe", "gp",
            "gp-local", "tpe", "gp", "gp-local", "tpe", "gp", "gp-local", "tpe", "gp", "gp-local", "tpe", "gp", "gp-local",
            "tpe");

    @Test
    void byGainTheSwingTurnGoesToTpeAfterOneLargeStepWhichManySmallRefinementsOutnumber() {
        AutoOptions byGain = AutoOptions.defaults().withGainCreditMaxParameters(3);
        // from trial 13 on TPE's one step of 1 outweighs the GP's refinements of 0.001, which outnumber it
        assertThat(samplers(run(TPE_STEPS_ONCE_2D, 21, byGain))).containsExactly("gp", "gp-local", "tpe", "gp",
                "gp-local", "tpe", "gp", "gp-local", "tpe", "gp", "gp-local", "tpe", "gp", "tpe", "tpe", "gp", "tpe", "tpe",
                "gp", "tpe", "tpe");
        assertThat(samplers(run(TPE_STEPS_ONCE_2D, 21, byGain.withGainCreditMaxParameters(0)))).isEqualTo(FIXED_TURNS_2D);
    }

    @Test
    void theCreditComparesGainsOnlyInSpacesOfAtMostGainCreditMaxParametersParameters() {
        assertThat(samplers(run(TPE_STEPS_ONCE_2D, 21, AutoOptions.defaults().withGainCreditMaxParameters(1))))
                .isEqualTo(FIXED_TURNS_2D);
        assertThat(AutoOptions.defaults().withGainCreditMaxParameters(2).gainCredit(2)).isTrue();
        assertThat(AutoOptions.defaults().withGainCreditMaxParameters(2).gainCredit(3)).isFalse();
        assertThat(AutoOptions.defaults().withGainCreditMaxParameters(0).gainCredit(1)).isFalse();
        assertThatThrownBy(() -> AutoOptions.defaults().withGainCreditMaxParameters(-1)).isInstanceOf(SamplerException.class)
                .hasMessageContaining("gainCreditMaxParameters must be >= 0 (0: never), got -1");
    }

    @Test
    void turnsByCreditGiveTheSameSamplersAndParametersPerTrialNumberWhetherOneTwoOrFourTrialsRunAtOnce() {
        AutoOptions options = AutoOptions.defaults().withCreditMinParameters(4);
        Map<Integer, Object> sequential = deterministicRun(1, options, TPE_TURNS_IMPROVE, 30);
        assertThat(sequential).hasSize(30);
        assertThat(sequential.get(16).toString()).startsWith("tpe");
        assertThat(deterministicRun(2, options, TPE_TURNS_IMPROVE, 30)).isEqualTo(sequential);
        assertThat(deterministicRun(4, options, TPE_TURNS_IMPROVE, 30)).isEqualTo(sequential);
    }

    @Test
    void inTheSwingTurnsCreditTpesTrialsChallengeAndTheGpsLocalStepsDefendWithTheGlobalOnes() {
        assertThat(AutoSampler.creditSide(withSampler("tpe"))).isEqualTo(ImprovementCredit.Side.CHALLENGER);
        assertThat(AutoSampler.creditSide(withSampler("gp"))).isEqualTo(ImprovementCredit.Side.DEFENDER);
        assertThat(AutoSampler.creditSide(withSampler("gp-local"))).isEqualTo(ImprovementCredit.Side.DEFENDER);
        assertThat(AutoSampler.creditSide(withSampler("cmaes"))).isNull();
    }

    private static FrozenTrial withSampler(String sampler) {
        return new FrozenTrial(1, 1, TrialState.COMPLETE, List.of(1.0), null, null, Map.of(), Map.of(), new TreeMap<>(),
                Map.of(), Map.of(Sampler.SAMPLER_ATTR, sampler), null);
    }
}
