package io.tunelab.search.sampler.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.search.SearchException;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.junit.jupiter.api.Test;

class CholeskyTest {

    private static double[][] randomSpd(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] b = new double[n][n];
        for (double[] row : b) {
            for (int j = 0; j < n; j++) {
                row[j] = r.nextDouble(-1, 1);
            }
        }
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    a[i][j] += b[i][k] * b[j][k];
                }
            }
            a[i][i] += n;
        }
        return a;
    }

    @Test
    void factorTimesItsTransposeReconstructsTheMatrix() {
        double[][] a = randomSpd(7, 1);
        Cholesky c = Cholesky.factor(a);
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 7; j++) {
                double s = 0;
                for (int k = 0; k < 7; k++) {
                    s += c.get(i, k) * c.get(j, k);
                }
                assertThat(s).isCloseTo(a[i][j], within(1e-10));
            }
        }
    }

    @Test
    void solveAndInverseAndLogDeterminantAgreeWithLuDecomposition() {
        double[][] a = randomSpd(6, 2);
        Cholesky c = Cholesky.factor(a);
        LUDecomposition lu = new LUDecomposition(MatrixUtils.createRealMatrix(a));
        double[] b = {1, -2, 3, 0.5, 0, 4};
        double[] expected = lu.getSolver().solve(MatrixUtils.createRealVector(b)).toArray();
        assertThat(c.solve(b)).containsExactly(expected, within(1e-10));
        assertThat(c.logDeterminant()).isCloseTo(Math.log(lu.getDeterminant()), within(1e-10));
        double[][] inv = lu.getSolver().getInverse().getData();
        for (int i = 0; i < 6; i++) {
            assertThat(c.inverse()[i]).containsExactly(inv[i], within(1e-10));
        }
    }

    @Test
    void logDeterminantStaysFiniteWhereTheDeterminantUnderflows() {
        int n = 400;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1e-3;
        }
        assertThat(new LUDecomposition(MatrixUtils.createRealMatrix(a)).getDeterminant()).isZero();
        assertThat(Cholesky.factor(a).logDeterminant()).isCloseTo(n * Math.log(1e-3), within(1e-8));
    }

    @Test
    void aMatrixThatIsNotPositiveDefiniteIsRejectedNamingThePivot() {
        assertThatThrownBy(() -> Cholesky.factor(new double[][] {{1, 2}, {2, 1}}))
                .isInstanceOf(SearchException.class).hasMessageContaining("pivot 1");
    }

    @Test
    void jitterRescuesASingularGramMatrix() {
        double[][] singular = {{1, 1}, {1, 1}};
        assertThat(Cholesky.factorWithJitter(singular, 1e-10).logDeterminant()).isFinite();
    }
}
