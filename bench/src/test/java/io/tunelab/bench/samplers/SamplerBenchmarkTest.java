package io.tunelab.bench.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.search.SearchException;
import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.trial.Hypervolume;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplerBenchmarkTest {

    @Test
    void quickSettingWritesOneRowPerProblemSamplerSeedAndCheckpoint(@TempDir Path dir) throws Exception {
        List<SamplerBenchmark.Row> rows = SamplerBenchmark.run(SamplerBenchmark.Settings.quick());
        assertThat(rows).hasSize((3 + 3) * 2 * 2);
        assertThat(rows).anyMatch(r -> r.problem().equals("zdt1") && r.sampler().equals("tpe"));
        assertThat(rows).extracting(SamplerBenchmark.Row::trials).containsOnly(10, 25);
        assertThat(rows).filteredOn(r -> r.problem().equals("branin")).allMatch(r -> r.regret() >= 0);
        assertThat(rows).filteredOn(r -> r.problem().equals("zdt1"))
                .allMatch(r -> r.regret() >= 0 && r.regret() <= 2.0 / 3 + 1e-12);
        Path csv = dir.resolve("out.csv");
        BenchReport.writeSamplersCsv(rows, csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("problem,sampler,seed,trials,regret,sampler_ms_per_trial");
        assertThat(lines).hasSize(rows.size() + 1);
        assertThat(lines.get(1)).startsWith("branin,random,1,10,");
        assertThat(BenchReport.samplersTable(rows)).contains("med@25").contains("branin").contains("tpe");
    }

    @Test
    void regretIsMonotoneOverCheckpointsAndTheSameSeedRepeatsExactly() {
        List<SamplerBenchmark.Row> a = SamplerBenchmark.runOne(BenchProblems.byName("hartmann6"), "tpe", 3, 50);
        List<SamplerBenchmark.Row> b = SamplerBenchmark.runOne(BenchProblems.byName("hartmann6"), "tpe", 3, 50);
        assertThat(a).extracting(SamplerBenchmark.Row::regret).isSortedAccordingTo((x, y) -> Double.compare(y, x));
        assertThat(a).extracting(SamplerBenchmark.Row::regret).isEqualTo(b.stream().map(SamplerBenchmark.Row::regret).toList());
    }

    @Test
    void aRunOverABoxReportsItsShareOfProposalsOnABoundAndOtherRunsNone() {
        BenchProblem walls = ContinuousProblem.cube("walls", 2, 0, 1, 0, 30, x -> 0);
        assertThat(SamplerBenchmark.runOne(walls, "random", 1, 30)).extracting(SamplerBenchmark.Row::boundShare)
                .containsExactly(Double.NaN, 0.0, 0.0);
        // a grid of step 0.5 on [0, 1] has two of three values on a bound in each coordinate: most points touch one
        BenchProblem grid = ContinuousProblem.cube("grid", 2, 0, 1, 0, 30, x -> x[0]).withStep(0.5);
        double share = SamplerBenchmark.runOne(grid, "random", 1, 30).get(2).boundShare();
        assertThat(share).isBetween(0.6, 1.0);
        assertThat(SamplerBenchmark.runOne(BenchProblems.byName("hpo_mixed"), "random", 1, 30))
                .allMatch(r -> Double.isNaN(r.boundShare()));
    }

    @Test
    void checkpointsStopAtTheBudgetAndIncludeIt() {
        assertThat(SamplerBenchmark.checkpoints(100)).containsExactly(10, 25, 50, 100);
        assertThat(SamplerBenchmark.checkpoints(200)).containsExactly(10, 25, 50, 100, 200);
        assertThat(SamplerBenchmark.checkpoints(10000)).containsExactly(10, 25, 50, 100, 200, 10000);
        assertThat(SamplerBenchmark.checkpoints(5)).containsExactly(5);
    }

    @Test
    void askCostMeasuresEverySamplerAtEveryHistorySize() {
        List<AskCost.Row> rows = AskCost.run(List.of("random", "tpe"), List.of(5, 20), 3, 2, 2, AskClock.CPU);
        assertThat(rows).extracting(AskCost.Row::history).containsExactly(5, 20, 5, 20);
        assertThat(rows).allMatch(r -> r.dims() == 3 && r.msPerAsk() > 0);
    }

    @Test
    void theWideZdtsMeasureFromBeyondEveryPointAndTheirOptimumIsTheTrueFrontsHypervolume() {
        for (boolean second : new boolean[] {false, true}) {
            BenchProblem p = BenchProblems.byName(second ? "zdt2_wide" : "zdt1_wide");
            List<double[]> front = new ArrayList<>();
            double[] x = new double[Zdt.VARIABLES];
            for (int i = 0; i <= 20000; i++) {
                x[0] = i / 20000.0;
                front.add(TestFunctions.zdt(x, second));
            }
            assertThat(Hypervolume.of(front, p.referencePoint())).isCloseTo(p.optimum(), within(1e-3));
            java.util.Arrays.fill(x, 1);
            double[] worst = TestFunctions.zdt(x, second);
            assertThat(worst[0]).isLessThan(p.referencePoint()[0]);
            assertThat(worst[1]).isLessThan(p.referencePoint()[1]);
        }
    }

    @Test
    void askCostMeasuresMotpeWithSeveralObjectivesAndSkipsSamplersOfOneObjective() {
        List<AskCost.Row> rows = AskCost.run(List.of("tpe", "gp"), List.of(20), List.of(1, 2, 3), 2, 2, 1, AskClock.CPU);
        assertThat(rows).extracting(r -> r.sampler() + "/" + r.objectives()).containsExactly("tpe/1", "tpe/2", "tpe/3",
                "gp/1");
        assertThat(rows).allMatch(r -> r.msPerAsk() > 0);
    }

    @Test
    void askCostSplitsAutosAsksByDelegateAndComparesEachWithTheDelegateAlone() {
        List<AskCost.Row> rows = AskCost.run(List.of("auto", "gp", "tpe-no-credit"), List.of(20), 2, 6, 1, AskClock.WALL);
        assertThat(rows).extracting(AskCost.Row::sampler)
                .containsExactly("auto", "auto:gp", "auto:gp-local", "auto:tpe", "gp", "tpe-no-credit");
        String report = BenchReport.askCostDelegates(rows);
        assertThat(report).contains("delegate turns: ms/ask; of it inside the delegate, and in the portfolio's own code")
                .containsPattern("auto:gp +20 +[0-9.]+  in gp [0-9.]+, auto's own [0-9.]+ \\([0-9]+%\\);  gp alone [0-9.]+: "
                        + "[+-][0-9.]+%")
                .containsPattern("auto:tpe +20 +[0-9.]+  in tpe [0-9.]+, auto's own [0-9.]+ \\([0-9]+%\\);  tpe-no-credit"
                        + " alone [0-9.]+:")
                .contains("auto:gp-local").contains("(add gp-local to --samplers to compare)")
                .containsPattern("\n +not paired with gp asked directly: auto's other delegates ask between its turns");
        assertThat(rows).allMatch(r -> Double.isNaN(r.msPairedVia()) && Double.isNaN(r.msPairedDirect()));
        assertThat(BenchReport.askCostDelegates(rows.subList(4, 6))).isEmpty();
    }

    @Test
    void askCostPairsAutosAsksWithCmaesAskedDirectlyOnceCmaesServesThemAll() {
        List<AskCost.Row> rows = AskCost.run(List.of("auto"), List.of(260), 2, 4, 1, AskClock.WALL);

        assertThat(rows).extracting(AskCost.Row::sampler).containsExactly("auto", "auto:cmaes");
        assertThat(rows.get(1).msPairedVia()).isPositive();
        assertThat(rows.get(1).msPairedDirect()).isPositive();
        assertThat(BenchReport.askCostDelegates(rows))
                .containsPattern("\n +paired with cmaes asked directly in the same state: [0-9.]+ against [0-9.]+: [+-][0-9.]+%");
    }

    @Test
    void askCostSplitsAutosAsksIntoTheDelegatesTimeAndAutosOwnAndNothingForASamplerMeasuredWhole() {
        List<AskCost.Row> rows = AskCost.run(List.of("auto", "tpe"), List.of(20), 2, 6, 1, AskClock.CPU);
        List<AskCost.Row> delegateRows = rows.stream().filter(r -> r.sampler().startsWith("auto:")).toList();
        assertThat(delegateRows).isNotEmpty()
                .allMatch(r -> r.msInDelegate() > 0 && r.msOwn() > 0, "time inside the delegate and in auto's own code")
                .allMatch(r -> r.msInDelegate() <= r.msPerAsk() && r.msOwn() <= r.msPerAsk(), "each within the ask");
        assertThat(rows).filteredOn(r -> !r.sampler().contains(":"))
                .allMatch(r -> Double.isNaN(r.msInDelegate()) && Double.isNaN(r.msOwn()));
    }

    @Test
    void unknownNamesAreRejectedListingTheKnownOnes() {
        assertThatThrownBy(() -> BenchProblems.byName("sphere")).isInstanceOf(SearchException.class)
                .hasMessageContaining("branin");
        assertThatThrownBy(() -> SamplerCatalog.parse("tpe,cma-es")).hasMessageContaining("cma-es").hasMessageContaining("cmaes");
    }

    @Test
    void theCatalogOffersQmcAndNoSecondNameForTheSameTpe() {
        assertThat(SamplerCatalog.names()).contains("qmc", "cmaes", "auto").doesNotContain("tpe-multivariate");
        assertThat(SamplerCatalog.supportsMultiObjective("qmc")).isTrue();
        assertThat(SamplerCatalog.supportsMultiObjective("auto")).isTrue();
        assertThat(SamplerCatalog.supportsMultiObjective("tpe")).isTrue();
        assertThat(SamplerCatalog.supportsMultiObjective("tpe-optuna")).isTrue();
        assertThat(SamplerCatalog.supportsMultiObjective("gp")).isFalse();
    }

    @Test
    void eachTpeAblationIsTheDefaultTpeWithExactlyOneRefinementSwitchedOff() {
        Map<String, Object> tpe = describe("tpe");
        assertThat(differences(tpe, describe("tpe-univariate"))).containsOnlyKeys("multivariate", "group");
        assertThat(differences(tpe, describe("tpe-no-improvement"))).containsOnlyKeys("improvement_weights");
        assertThat(differences(tpe, describe("tpe-scott"))).containsOnlyKeys("neighbour_bandwidths");
        assertThat(differences(tpe, describe("tpe-no-small-candidates"))).containsOnlyKeys("small_space_ei_candidates");
        assertThat(differences(tpe, describe("tpe-no-credit"))).as("auto's TPE turns: the two choices made for TPE alone off")
                .containsOnlyKeys("model_credit", "small_space_ei_candidates");
        assertThat(differences(describe("tpe-no-credit"), describe("tpe-no-credit-no-improvement")))
                .containsOnlyKeys("improvement_weights");
    }

    private static Map<String, Object> describe(String sampler) {
        return SamplerCatalog.factory(sampler).apply(RandomStreams.seeded(1)).describe();
    }

    private static Map<String, Object> differences(Map<String, Object> base, Map<String, Object> other) {
        Map<String, Object> out = new LinkedHashMap<>(other);
        out.entrySet().removeIf(e -> Objects.equals(base.get(e.getKey()), e.getValue()));
        return out;
    }

    @Test
    void theWarpingAblationsAreTheGpWithoutLossWarping() {
        assertThat(SamplerCatalog.names()).contains("gp-nowarp", "auto-nowarp");
        assertThat(SamplerCatalog.factory("gp").apply(RandomStreams.seeded(1)).describe()).containsEntry("warp_losses", true);
        assertThat(SamplerCatalog.factory("gp-nowarp").apply(RandomStreams.seeded(1)).describe())
                .containsEntry("warp_losses", false);
    }

    @Test
    void testFunctionsReachTheirKnownOptima() {
        assertThat(TestFunctions.branin(new double[] {Math.PI, 2.275})).isCloseTo(0.39788735772973816, within(1e-9));
        assertThat(TestFunctions.hartmann6(new double[] {0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573}))
                .isCloseTo(-3.32237, within(1e-4));
        assertThat(TestFunctions.rosenbrock(new double[] {1, 1, 1, 1, 1})).isZero();
        assertThat(TestFunctions.ackley(new double[10])).isCloseTo(0, within(1e-12));
        double[] st = new double[8];
        java.util.Arrays.fill(st, -2.903534027771177);
        assertThat(TestFunctions.styblinskiTang(st)).isCloseTo(-313.3293256301713, within(1e-9));
        assertThat(HpoMixed.value(Math.pow(10, -2.5), 4, 512, "adam", 0.1)).isCloseTo(0.1, within(1e-12));
        double[] onFront = new double[30];
        onFront[0] = 0.25;
        assertThat(TestFunctions.zdt(onFront, false)).containsExactly(0.25, 0.5);
        assertThat(TestFunctions.zdt(onFront, true)).containsExactly(0.25, 0.9375);
    }
}
