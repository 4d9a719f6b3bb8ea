package io.tunelab.bench.bbob;

import static io.tunelab.bench.bbob.Transforms.oscillate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Each function at points chosen so that its value follows from the definition by hand: the point is
 * built backwards from the transformed vector z the definition works on, using the instance's own
 * optimum and rotations (drawn from the documented seeds), and the expected value is the formula on z.
 */
class BbobFunctionValuesTest {
    private static final int INSTANCE = 2;

    private static double[] e(int dim, int k, double v) {
        double[] x = new double[dim];
        x[k] = v;
        return x;
    }

    private static double[] plus(double[] a, double[] b) {
        double[] out = a.clone();
        for (int i = 0; i < a.length; i++) {
            out[i] += b[i];
        }
        return out;
    }

    private static double[][] rotation(int function, int dim, long offset) {
        return BbobRandom.rotation(BbobRandom.seed(function, INSTANCE) + offset, dim);
    }

    /** The x - xopt that a map z = left Λ^alpha right (x - xopt) sends to z: rightᵀ Λ^-alpha leftᵀ z. */
    private static double[] preimage(double[][] left, double alpha, double[][] right, double[] z) {
        double[] y = Transforms.times(Transforms.transpose(left), z);
        for (int i = 0; i < y.length; i++) {
            y[i] /= Transforms.lambda(alpha, i, y.length);
        }
        return Transforms.times(Transforms.transpose(right), y);
    }

    private static double[] orthoPreimage(double[][] r, double[] z) {
        return Transforms.times(Transforms.transpose(r), z);
    }

    private static void check(BbobFunction f, double[] x, double expectedAboveFopt) {
        assertThat(f.value(x) - f.fopt()).as(f.label() + " at " + Arrays.toString(x))
                .isCloseTo(expectedAboveFopt, within(1e-9 * Math.max(1, Math.abs(expectedAboveFopt))));
    }

    @Test
    void f1SphereIsTheSquaredDistanceToTheOptimum() {
        BbobFunction f = BbobSuite.function(1, 5, INSTANCE);
        check(f, plus(f.xopt(), new double[] {1, 2, 0, 0, -1}), 6);
    }

    @Test
    void f2EllipsoidWeighsTheFirstCoordinateOneAndTheLastAMillion() {
        BbobFunction f = BbobSuite.function(2, 5, INSTANCE);
        check(f, plus(f.xopt(), e(5, 0, 1)), 1);
        check(f, plus(f.xopt(), e(5, 4, 1)), 1e6);
        double osz = Math.exp(Math.log(0.5) + 0.049 * (Math.sin(10 * Math.log(0.5)) + Math.sin(7.9 * Math.log(0.5))));
        check(f, plus(f.xopt(), e(5, 2, 0.5)), 1e3 * osz * osz);
    }

    @Test
    void f3RastriginIsConditionedAlongTheLaterCoordinates() {
        BbobFunction f = BbobSuite.function(3, 5, INSTANCE);
        check(f, plus(f.xopt(), e(5, 0, 1)), 1);
        double z = -Math.sqrt(10);
        check(f, plus(f.xopt(), e(5, 4, -1)), 10 * (1 - Math.cos(2 * Math.PI * z)) + z * z);
    }

    @Test
    void f4BuecheRastriginStretchesPositiveOddNumberedCoordinatesTenTimes() {
        BbobFunction f = BbobSuite.function(4, 5, INSTANCE);
        assertThat(f.xopt()[0]).isPositive();
        check(f, plus(f.xopt(), e(5, 0, 1)), 100);
        check(f, plus(f.xopt(), e(5, 0, -1)), 1);
        double z = -Math.sqrt(10);
        check(f, plus(f.xopt(), e(5, 4, -1)), 10 * (1 - Math.cos(2 * Math.PI * z)) + z * z);
    }

    @Test
    void f5LinearSlopeRisesTowardsTheOppositeCorner() {
        BbobFunction f = BbobSuite.function(5, 3, INSTANCE);
        double[] opposite = Arrays.stream(f.xopt()).map(v -> -v).toArray();
        check(f, opposite, 10 * (1 + Math.sqrt(10) + 10));
        check(f, new double[3], 5 * (1 + Math.sqrt(10) + 10));
    }

    @Test
    void f6AttractiveSectorIsSteeperOnTheOptimumsSide() {
        BbobFunction f = BbobSuite.function(6, 4, INSTANCE);
        double[][] q = rotation(6, 4, 1_000_000);
        double[][] r = rotation(6, 4, 0);
        double sign = Math.signum(f.xopt()[0]);
        check(f, plus(f.xopt(), preimage(q, 10, r, e(4, 0, 0.5 * sign))), Math.pow(oscillate(100 * 100 * 0.25), 0.9));
        check(f, plus(f.xopt(), preimage(q, 10, r, e(4, 0, -0.5 * sign))), Math.pow(oscillate(0.25), 0.9));
    }

    @Test
    void f7StepEllipsoidRoundsToPlateaus() {
        BbobFunction f = BbobSuite.function(7, 4, INSTANCE);
        double[][] q = rotation(7, 4, 1_000_000);
        double[][] r = rotation(7, 4, 0);
        double[][] identity = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        check(f, plus(f.xopt(), preimage(identity, 10, r, e(4, 0, 0.04))), 0.1 * 0.04 / 1e4);
        double weighted = 0;
        for (int i = 0; i < 4; i++) {
            weighted += Math.pow(10, 2.0 * i / 3) * 4 * q[i][0] * q[i][0];
        }
        double[] x = plus(f.xopt(), preimage(identity, 10, r, e(4, 0, 1.7)));
        assertThat(Transforms.penalty(x)).isZero();
        check(f, x, 0.1 * Math.max(1.7 / 1e4, weighted));
    }

    @Test
    void f8RosenbrockHasItsValleyThroughTheShiftedOnes() {
        BbobFunction f = BbobSuite.function(8, 2, INSTANCE);
        check(f, plus(f.xopt(), e(2, 0, -1)), 101);
        check(f, plus(f.xopt(), new double[] {-1, -1}), 1);
    }

    @Test
    void f9RotatedRosenbrockAtTheOriginOfZ() {
        BbobFunction f = BbobSuite.function(9, 5, INSTANCE);
        double[] minusHalf = new double[5];
        Arrays.fill(minusHalf, -0.5);
        check(f, orthoPreimage(rotation(9, 5, 0), minusHalf), 4);
    }

    @Test
    void f10RotatedEllipsoidAlongItsLongestAndShortestAxes() {
        BbobFunction f = BbobSuite.function(10, 5, INSTANCE);
        double[][] r = rotation(10, 5, 1_000_000);
        check(f, plus(f.xopt(), orthoPreimage(r, e(5, 0, 1))), 1);
        check(f, plus(f.xopt(), orthoPreimage(r, e(5, 4, 1))), 1e6);
    }

    @Test
    void f11DiscusIsAMillionTimesSteeperAlongOneAxis() {
        BbobFunction f = BbobSuite.function(11, 5, INSTANCE);
        double[][] r = rotation(11, 5, 1_000_000);
        check(f, plus(f.xopt(), orthoPreimage(r, e(5, 0, 1))), 1e6);
        check(f, plus(f.xopt(), orthoPreimage(r, e(5, 3, 1))), 1);
    }

    @Test
    void f12BentCigarIsFlatOnlyAlongOneRotatedAxis() {
        BbobFunction f = BbobSuite.function(12, 5, INSTANCE);
        double[][] r = rotation(12, 5, 1_000_000);
        assertThat(f.xopt()).isEqualTo(BbobRandom.xopt(BbobRandom.seed(12, INSTANCE) + 1_000_000, 5));
        double[] z = Transforms.times(r, e(5, 0, 1));
        check(f, plus(f.xopt(), orthoPreimage(r, e(5, 0, 1))), z[0] * z[0] + 1e6 * (1 - z[0] * z[0]));
    }

    @Test
    void f13SharpRidgeGrowsLinearlyAwayFromTheRidge() {
        BbobFunction f = BbobSuite.function(13, 4, INSTANCE);
        double[][] q = rotation(13, 4, 1_000_000);
        double[][] r = rotation(13, 4, 0);
        check(f, plus(f.xopt(), preimage(q, 10, r, e(4, 1, 2))), 200);
        check(f, plus(f.xopt(), preimage(q, 10, r, e(4, 0, 3))), 9);
    }

    @Test
    void f14DifferentPowersRaiseEachAxisToItsOwnPower() {
        BbobFunction f = BbobSuite.function(14, 5, INSTANCE);
        double[][] r = rotation(14, 5, 1_000_000);
        double[] z = {2, 0, 0, 0, 2};
        check(f, plus(f.xopt(), orthoPreimage(r, z)), Math.sqrt(4 + 64));
    }

    @Test
    void f15RotatedRastriginOfTheConditionedRotatedStep() {
        BbobFunction f = BbobSuite.function(15, 3, INSTANCE);
        double[][] r = rotation(15, 3, 1_000_000);
        double[][] q = rotation(15, 3, 0);
        double[] z = Transforms.times(Transforms.rotatedConditioning(r, 10, q), e(3, 0, 1));
        double cos = 0;
        for (double v : z) {
            cos += Math.cos(2 * Math.PI * v);
        }
        check(f, plus(f.xopt(), orthoPreimage(r, e(3, 0, 1))), 10 * (3 - cos) + Transforms.squaredNorm(z));
    }

    @Test
    void f16WeierstrassOfTheConditionedRotatedStep() {
        BbobFunction f = BbobSuite.function(16, 3, INSTANCE);
        double[][] r = rotation(16, 3, 1_000_000);
        double[][] q = rotation(16, 3, 0);
        double[] z = Transforms.times(Transforms.rotatedConditioning(r, 0.01, q), e(3, 0, 1));
        double f0 = 0;
        double sum = 0;
        for (int k = 0; k <= 11; k++) {
            f0 += Math.pow(2, -k) * Math.cos(Math.PI * Math.pow(3, k));
            for (double v : z) {
                sum += Math.pow(2, -k) * Math.cos(2 * Math.PI * Math.pow(3, k) * (v + 0.5));
            }
        }
        check(f, plus(f.xopt(), orthoPreimage(r, e(3, 0, 1))), 10 * Math.pow(sum / 3 - f0, 3));
    }

    private static double schaffers(double[] z) {
        double sum = 0;
        for (int i = 0; i < z.length - 1; i++) {
            double s = Math.hypot(z[i], z[i + 1]);
            sum += Math.sqrt(s) + Math.sqrt(s) * Math.pow(Math.sin(50 * Math.pow(s, 0.2)), 2);
        }
        return Math.pow(sum / (z.length - 1), 2);
    }

    @Test
    void f17AndF18SchaffersShareTheInstanceAndDifferInConditioning() {
        for (int id : new int[] {17, 18}) {
            BbobFunction f = BbobSuite.function(id, 3, INSTANCE);
            double[][] r = rotation(17, 3, 1_000_000);
            double[][] q = rotation(17, 3, 0);
            double[] z = Transforms.times(q, e(3, 0, 1));
            for (int i = 0; i < 3; i++) {
                z[i] *= Transforms.lambda(id == 17 ? 10 : 1000, i, 3);
            }
            check(f, plus(f.xopt(), orthoPreimage(r, e(3, 0, 1))), schaffers(z));
        }
        assertThat(BbobSuite.function(18, 3, INSTANCE).xopt()).isEqualTo(BbobSuite.function(17, 3, INSTANCE).xopt());
    }

    @Test
    void f19GriewankRosenbrockWhereEveryRosenbrockTermIsOne() {
        BbobFunction f = BbobSuite.function(19, 4, INSTANCE);
        double[] minusHalf = new double[4];
        Arrays.fill(minusHalf, -0.5);
        check(f, orthoPreimage(rotation(19, 4, 0), minusHalf), 10 * (1 / 4000.0 - Math.cos(1)) + 10);
    }

    @Test
    void f20SchwefelAtTheOrigin() {
        BbobFunction f = BbobSuite.function(20, 3, INSTANCE);
        double[] a = Arrays.stream(f.xopt()).map(v -> 2 * Math.abs(v)).toArray();
        double sum = 0;
        double pen = 0;
        for (int i = 0; i < 3; i++) {
            double zHat = i == 0 ? 0 : 0.25 * (0 - a[i - 1]);
            double z = 100 * (Transforms.lambda(10, i, 3) * (zHat - a[i]) + a[i]);
            sum += z * Math.sin(Math.sqrt(Math.abs(z)));
            pen += Math.pow(Math.max(0, Math.abs(z / 100) - 5), 2);
        }
        check(f, new double[3], -sum / 300 + 4.189828872724339 + 100 * pen);
    }

    @Test
    void f21AndF22GallagherNearTheGlobalPeakFollowItsGaussian() {
        for (int id : new int[] {21, 22}) {
            BbobFunction f = BbobSuite.function(id, 2, INSTANCE);
            long seed = BbobRandom.seed(id, INSTANCE);
            double[] u = BbobRandom.uniform(2, seed);
            double scale = u[0] < u[1] ? 0 : 1; // axis 0 takes the rank of the smallest uniform: 0 if it is its own
            double condition = id == 21 ? Math.sqrt(1000) : 1000;
            double c = Math.pow(condition, scale - 0.5);
            double delta = 0.01;
            double[] x = plus(f.xopt(), orthoPreimage(BbobRandom.rotation(seed, 2), e(2, 0, delta)));
            double t = oscillate(10 - 10 * Math.exp(-c * delta * delta / 4));
            check(f, x, t * t);
        }
    }

    @Test
    void f23KatsuuraCountsTheBinaryDigitsOfAQuarter() {
        BbobFunction f = BbobSuite.function(23, 3, INSTANCE);
        double[][] r = rotation(23, 3, 1_000_000);
        double[][] q = rotation(23, 3, 0);
        check(f, plus(f.xopt(), preimage(r, 100, q, e(3, 0, 0.25))), 10.0 / 9 * (Math.pow(1.25, 10 / Math.pow(3, 1.2)) - 1));
    }

    @Test
    void f24LunacekAtTheOriginIsBetweenItsTwoFunnels() {
        BbobFunction f = BbobSuite.function(24, 3, INSTANCE);
        double[][] m = Transforms.rotatedConditioning(rotation(24, 3, 1_000_000), 100, rotation(24, 3, 0));
        double[] z = Transforms.times(m, new double[] {-2.5, -2.5, -2.5});
        double cos = 0;
        for (double v : z) {
            cos += Math.cos(2 * Math.PI * v);
        }
        check(f, new double[3], 3 * 6.25 + 10 * (3 - cos));
        assertThat(Arrays.stream(f.xopt()).map(Math::abs)).containsOnly(1.25);
    }
}
