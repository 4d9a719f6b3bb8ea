package io.tunelab.search.sampler.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KernelAndLikelihoodTest {
    private final Matern52 kernel = new Matern52(new double[] {0.3, 0.7, 1.5}, 2.0);

    @Test
    void kernelEqualsTheSignalVarianceAtZeroDistanceAndIsSymmetricAndDecreasing() {
        double[] x = {0.1, 0.2, 0.3};
        double[] y = {0.4, 0.1, 0.9};
        assertThat(kernel.value(x, x)).isEqualTo(2.0);
        assertThat(kernel.value(x, y)).isEqualTo(kernel.value(y, x)).isLessThan(2.0).isPositive();
        assertThat(kernel.ofSquaredDistance(4)).isLessThan(kernel.ofSquaredDistance(1));
    }

    @Test
    void kernelMatchesTheClosedFormAtUnitDistance() {
        double r = 1;
        double expected = 2.0 * (1 + Math.sqrt(5) * r + 5 * r * r / 3) * Math.exp(-Math.sqrt(5) * r);
        assertThat(kernel.ofSquaredDistance(1)).isCloseTo(expected, within(1e-14));
    }

    @Test
    void gradientFactorGivesTheDerivativeInEachCoordinate() {
        double[] x = {0.1, 0.5, 0.3};
        double[] y = {0.4, 0.1, 0.9};
        double g = kernel.gradientFactor(kernel.squaredDistance(x, y));
        for (int j = 0; j < 3; j++) {
            double[] xp = x.clone();
            double[] xm = x.clone();
            xp[j] += 1e-6;
            xm[j] -= 1e-6;
            double numeric = (kernel.value(xp, y) - kernel.value(xm, y)) / 2e-6;
            double ls = kernel.lengthScales()[j];
            assertThat(-g * (x[j] - y[j]) / (ls * ls)).isCloseTo(numeric, within(1e-6));
        }
    }

    @Test
    void marginalLikelihoodGradientMatchesFiniteDifferences() {
        SplittableRandom r = new SplittableRandom(3);
        double[][] x = new double[12][2];
        double[] y = new double[12];
        for (int i = 0; i < 12; i++) {
            x[i][0] = r.nextDouble();
            x[i][1] = r.nextDouble();
            y[i] = Math.sin(6 * x[i][0]) + x[i][1];
        }
        double[] theta = {Math.log(0.4), Math.log(0.8), Math.log(1.2), Math.log(0.01)};
        double[] grad = new double[4];
        MarginalLikelihood.evaluate(x, y, theta, grad);
        for (int k = 0; k < 4; k++) {
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[k] += 1e-5;
            tm[k] -= 1e-5;
            double numeric = (MarginalLikelihood.evaluate(x, y, tp, new double[4])
                    - MarginalLikelihood.evaluate(x, y, tm, new double[4])) / 2e-5;
            assertThat(grad[k]).as("d/dtheta[%d]", k).isCloseTo(numeric, within(1e-4 * Math.max(1, Math.abs(numeric))));
        }
    }

    @Test
    void marginalLikelihoodGradientMatchesFiniteDifferencesWithACategoricalBlockSharingOneLengthScale() {
        SplittableRandom r = new SplittableRandom(5);
        KernelLayout layout = new KernelLayout(new int[] {0, 1, 1, 1}, new double[] {1, 0.5, 0.5, 0.5}, 2);
        double[][] x = new double[12][4];
        double[] y = new double[12];
        for (int i = 0; i < 12; i++) {
            x[i][0] = r.nextDouble();
            int c = r.nextInt(3);
            x[i][1 + c] = 1;
            y[i] = Math.sin(6 * x[i][0]) + c;
        }
        double[] theta = {Math.log(0.4), Math.log(0.8), Math.log(1.2), Math.log(0.01)};
        double[] grad = new double[4];
        MarginalLikelihood.evaluate(x, y, theta, layout, grad);
        for (int k = 0; k < 4; k++) {
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[k] += 1e-5;
            tm[k] -= 1e-5;
            double numeric = (MarginalLikelihood.evaluate(x, y, tp, layout, new double[4])
                    - MarginalLikelihood.evaluate(x, y, tm, layout, new double[4])) / 2e-5;
            assertThat(grad[k]).as("d/dtheta[%d]", k).isCloseTo(numeric, within(1e-4 * Math.max(1, Math.abs(numeric))));
        }
    }

    @Test
    void posteriorInterpolatesNoiselessDataAndPredictionGradientsMatchFiniteDifferences() {
        double[][] x = {{0.1, 0.2}, {0.5, 0.9}, {0.8, 0.4}, {0.3, 0.6}};
        double[] y = {1, -0.5, 0.3, 0.8};
        GaussianProcess gp = GaussianProcess.condition(x, y, new Matern52(new double[] {0.5, 0.5}, 1), 1e-8);
        assertThat(gp.predict(x[1])[0]).isCloseTo(-0.5, within(1e-4));
        assertThat(gp.predict(x[1])[1]).isLessThan(1e-4);
        double[] p = {0.42, 0.33};
        double[] gm = new double[2];
        double[] gv = new double[2];
        gp.predictWithGradient(p, gm, gv);
        for (int j = 0; j < 2; j++) {
            double[] pp = p.clone();
            double[] pm = p.clone();
            pp[j] += 1e-6;
            pm[j] -= 1e-6;
            assertThat(gm[j]).isCloseTo((gp.predict(pp)[0] - gp.predict(pm)[0]) / 2e-6, within(1e-5));
            assertThat(gv[j]).isCloseTo((gp.predict(pp)[1] - gp.predict(pm)[1]) / 2e-6, within(1e-5));
        }
    }
}
