package io.tunelab.bench.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.search.SearchException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassicProblemsTest {

    @Test
    void theFunctionsHaveTheValuesComputedByHandAtFixedPoints() {
        // 20 + (1 - 10 cos 2pi) + (0.25 - 10 cos pi)
        assertThat(TestFunctions.rastrigin(new double[] {1, 0.5})).isCloseTo(21.25, within(1e-12));
        // pi^2 / 4000 - cos(pi) cos(0) + 1
        assertThat(TestFunctions.griewank(new double[] {Math.PI, 0})).isCloseTo(Math.PI * Math.PI / 4000 + 2, within(1e-12));
        // v sin(sqrt|v|) is odd, so the two terms cancel and the constant is left
        assertThat(TestFunctions.schwefel(new double[] {100, -100})).isCloseTo(2 * 418.9829, within(1e-9));
        // -(sin(pi/4)^20 + sin(pi/2)^20) = -(1/1024 + 1)
        assertThat(TestFunctions.michalewicz(new double[] {Math.PI / 2, Math.PI / 2})).isCloseTo(-1 - 1.0 / 1024, within(1e-12));
        // w = 3/4: sin^2(3pi/4) + (1/16)(1 + 10 sin^2(3pi/4 + 1)) + (1/16)(1 + sin^2(3pi/2))
        double s = Math.sin(0.75 * Math.PI + 1);
        assertThat(TestFunctions.levy(new double[] {0, 0})).isCloseTo(0.5 + (1 + 10 * s * s) / 16 + 2.0 / 16, within(1e-12));
    }

    @Test
    void eachClassicProblemReachesItsStatedOptimumAtItsKnownMinimiser() {
        Map<String, double[]> minimisers = Map.of(
                "rastrigin5", new double[5],
                "ackley6", new double[6],
                "levy5", filled(5, 1),
                "griewank6", new double[6],
                "schwefel5", filled(5, 420.9687463),
                "styblinski_tang5", filled(5, -2.903534027771177),
                "michalewicz5", new double[] {2.202906, 1.570796, 1.284992, 1.923058, 1.720470});
        assertThat(BenchProblems.CLASSIC).containsExactlyInAnyOrderElementsOf(minimisers.keySet());
        for (String name : BenchProblems.CLASSIC) {
            ContinuousProblem p = (ContinuousProblem) BenchProblems.byName(name);
            assertThat(p.function().applyAsDouble(minimisers.get(name))).as(name).isCloseTo(p.optimum(), within(1e-6));
            assertThat(p.defaultTrials()).isEqualTo(100);
        }
    }

    @Test
    void noRandomPointOfAClassicProblemFallsBelowItsStatedOptimum() {
        OptimumChecks.noRandomPointFallsBelowTheOptimum(BenchProblems.CLASSIC, 5, 1e-6);
    }

    @Test
    void classicNamesTheGroupWhileAllStaysTheCatalogueAndEachProblemIsListedOnce() {
        List<String> classic = BenchProblems.parse("classic").stream().map(BenchProblem::name).toList();
        assertThat(classic).isEqualTo(BenchProblems.CLASSIC);
        assertThat(BenchProblems.parse("all")).extracting(BenchProblem::name).doesNotContainAnyElementsOf(classic);
        assertThat(BenchProblems.parse("levy5,classic,branin")).extracting(BenchProblem::name)
                .startsWith("levy5", "rastrigin5").endsWith("branin").doesNotHaveDuplicates().hasSize(classic.size() + 1);
        assertThatThrownBy(() -> BenchProblems.parse("levy6")).isInstanceOf(SearchException.class)
                .hasMessageContaining("'levy6'").hasMessageContaining("levy5").hasMessageContaining("'classic'");
    }

    private static double[] filled(int n, double v) {
        double[] x = new double[n];
        Arrays.fill(x, v);
        return x;
    }
}
