package io.tunelab.bench.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmallProblemsTest {

    @Test
    void theFunctionsHaveTheValuesComputedByHandAtFixedPoints() {
        // (4 - 2.1 + 1/3) * 1 + 1 * 1 + (-4 + 4) * 1
        assertThat(TestFunctions.sixHumpCamel(new double[] {1, 1})).isCloseTo(4 - 2.1 + 1.0 / 3 + 1, within(1e-12));
        // at the origin: (1 + 1 * 19) * (30 + 0) = 600
        assertThat(TestFunctions.goldsteinPrice(new double[] {0, 0})).isCloseTo(600, within(1e-9));
        // (0 + 0 - 11)^2 + (0 + 0 - 7)^2
        assertThat(TestFunctions.himmelblau(new double[] {0, 0})).isCloseTo(170, within(1e-12));
        // 1.5^2 + 2.25^2 + 2.625^2
        assertThat(TestFunctions.beale(new double[] {0, 0})).isCloseTo(2.25 + 5.0625 + 6.890625, within(1e-12));
        // x1 = 0, x2 = -47: both terms vanish
        assertThat(TestFunctions.eggholder(new double[] {0, -47})).isCloseTo(0, within(1e-12));
        // x1 = 0, x2 = 2: -49 sin(7)
        assertThat(TestFunctions.eggholder(new double[] {0, 2})).isCloseTo(-49 * Math.sin(7), within(1e-12));
    }

    @Test
    void hartmannThreeAtTheCentreOfItsFirstBasinIsDominatedByThatTerm() {
        double[] p = {0.3689, 0.1170, 0.2673};
        double value = TestFunctions.hartmann3(p);
        assertThat(value).isLessThan(-1.0).isGreaterThan(-1.0 - 1.2 - 3.0 - 3.2);
    }

    @Test
    void eachSmallProblemReachesItsStatedOptimumAtItsKnownMinimiser() {
        Map<String, double[]> minimisers = Map.of(
                "six_hump_camel", new double[] {0.0898420091418852, -0.7126564053924365},
                "goldstein_price", new double[] {0, -1},
                "himmelblau", new double[] {3, 2},
                "beale", new double[] {3, 0.5},
                "eggholder", new double[] {512, 404.2318051457265},
                "michalewicz2", new double[] {2.2029055195270426, 1.5707963283709252},
                "hartmann3", new double[] {0.11458888932421674, 0.5556488889726049, 0.8525469795448206},
                "rastrigin3", new double[3]);
        assertThat(BenchProblems.SMALL).containsExactlyInAnyOrderElementsOf(minimisers.keySet());
        for (String name : BenchProblems.SMALL) {
            ContinuousProblem p = (ContinuousProblem) BenchProblems.byName(name);
            assertThat(p.function().applyAsDouble(minimisers.get(name))).as(name).isCloseTo(p.optimum(), within(1e-9));
            assertThat(p.dimension()).as(name).isBetween(2, 3);
            assertThat(p.defaultTrials()).isEqualTo(100);
        }
    }

    @Test
    void noRandomPointOfASmallProblemFallsBelowItsStatedOptimum() {
        OptimumChecks.noRandomPointFallsBelowTheOptimum(BenchProblems.SMALL, 11, 0);
    }

    @Test
    void smallNamesTheGroupApartFromTheCatalogueAndTheClassicGroup() {
        List<String> small = BenchProblems.parse("small").stream().map(BenchProblem::name).toList();
        assertThat(small).isEqualTo(BenchProblems.SMALL);
        assertThat(BenchProblems.parse("all,classic")).extracting(BenchProblem::name).doesNotContainAnyElementsOf(small);
        assertThat(BenchProblems.parse("beale,small")).extracting(BenchProblem::name).doesNotHaveDuplicates()
                .hasSize(small.size()).startsWith("beale");
        assertThat(BenchProblems.names()).containsAll(small);
    }
}
