package io.tunelab.bench.bbob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.search.SearchException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Properties every instance of every function has: the optimum has the stated value and is the minimum. */
class BbobSuiteTest {
    private static final int[] DIMS = {2, 5, 10, 20};

    @ParameterizedTest(name = "f{0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24})
    void theOptimumHasTheOptimalValueInEveryDimensionAndInstance(int id) {
        for (int dim : DIMS) {
            for (int instance = 1; instance <= 5; instance++) {
                BbobFunction f = BbobSuite.function(id, dim, instance);
                assertThat(f.value(f.xopt())).as(f.label()).isCloseTo(f.fopt(), within(1e-8 * Math.max(1, Math.abs(f.fopt()))));
                assertThat(Arrays.stream(f.xopt())).as(f.label()).allMatch(v -> v >= BbobFunction.LOWER && v <= BbobFunction.UPPER);
            }
        }
    }

    @ParameterizedTest(name = "f{0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24})
    void noRandomPointOrPointNearTheOptimumIsBelowTheOptimalValue(int id) {
        SplittableRandom random = new SplittableRandom(id);
        for (int dim : new int[] {2, 5, 10}) {
            BbobFunction f = BbobSuite.function(id, dim, 1);
            double[] xopt = f.xopt();
            for (int k = 0; k < 500; k++) {
                double[] x = new double[dim];
                double radius = k % 2 == 0 ? 5 : 1e-2;
                for (int i = 0; i < dim; i++) {
                    x[i] = k % 2 == 0 ? random.nextDouble(-5, 5) : xopt[i] + random.nextDouble(-radius, radius);
                }
                assertThat(f.value(x)).as(f.label()).isGreaterThanOrEqualTo(f.fopt() - 1e-9);
            }
        }
    }

    @Test
    void instancesDifferAndTheSameInstanceIsTheSameFunction() {
        BbobFunction a = BbobSuite.function(15, 5, 1);
        BbobFunction b = BbobSuite.function(15, 5, 2);
        assertThat(a.xopt()).isNotEqualTo(b.xopt());
        assertThat(a.fopt()).isNotEqualTo(b.fopt());
        double[] x = {1, -2, 0.5, 3, -4};
        assertThat(BbobSuite.function(15, 5, 1).value(x)).isEqualTo(a.value(x));
    }

    @Test
    void functionDimensionAndInstanceOutsideTheSuiteAreRejectedNamingTheValue() {
        assertThatThrownBy(() -> BbobSuite.function(25, 5, 1)).isInstanceOf(SearchException.class).hasMessageContaining("25");
        assertThatThrownBy(() -> BbobSuite.function(1, 1, 1)).isInstanceOf(SearchException.class).hasMessageContaining("got 1");
        assertThatThrownBy(() -> BbobSuite.function(1, 5, 0)).isInstanceOf(SearchException.class).hasMessageContaining("got 0");
    }
}
