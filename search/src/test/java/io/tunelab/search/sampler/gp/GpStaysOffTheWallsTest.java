package io.tunelab.search.sampler.gp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * GP proposals on functions whose optimum is inside the box: 10-D multimodal ones (Rastrigin, Ackley), where
 * the GP used to propose the cube's corners over and over from about trial 40, and a 5-D narrow valley
 * (Rosenbrock). Seeds and levels were chosen on development seeds 1–3; the report gives seeds 4–8.
 */
class GpStaysOffTheWallsTest {
    private static final int STARTUP = 10;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void onTenDimensionalRastriginFewerThanAThirdOfProposalsTouchABoundNoneIsACornerAndTheBestKeepsImprovingAfterTrial100() {
        // On this seed 5% of the proposals touch a bound, and the best falls from 78.0 at 100 trials to 44.0 at 120.
        List<FrozenTrial> trials = run(10, -5.12, 5.12, 120, GpStaysOffTheWallsTest::rastrigin, 2);
        assertThat(shareTouchingABound(trials, -5.12, 5.12, 1)).isLessThan(1.0 / 3);
        assertThat(shareTouchingABound(trials, -5.12, 5.12, 10)).isZero();
        assertThat(bestUpTo(trials, 120)).isLessThan(bestUpTo(trials, 100));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void inTheNarrowValleyOfFiveDimensionalRosenbrockFewProposalsPutTwoCoordinatesOnABoundAndTheBestKeepsImproving() {
        List<FrozenTrial> trials = run(5, -5, 10, 160, GpStaysOffTheWallsTest::rosenbrock, 2);
        // The valley x(i+1) = x(i)² runs into the upper bound, and the GP on warped losses (LossWarping) follows it
        // there: a quarter of its proposals put two coordinates on a bound (a tenth before the warping), while its
        // best after 100 trials fell from 306 to 4.9 on this seed (seeds 1-3: 54-306 before, 4.3-5.1 after), and
        // it still improves after trial 100 (to 4.1 at 160), though no longer by half from that far lower level.
        // The original levels (under a tenth; best halved after trial 100) fail with the warping (0.24; 4.86 to 4.14).
        // The defect itself (most proposals on the bounds, ending no better than random search, whose best at 100
        // trials is 475-20,600 over 20 seeds, median 5,000) still fails the first two checks; so would the
        // unwarped GP (306 at 100).
        assertThat(shareTouchingABound(trials, -5, 10, 2)).isLessThan(1.0 / 3);
        assertThat(bestUpTo(trials, 100)).isLessThan(20);
        assertThat(bestUpTo(trials, 160)).isLessThan(bestUpTo(trials, 100));
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void onTenDimensionalAckleyNoProposalIsACornerFewTouchABoundAndTheBestKeepsImprovingAfterTrialOneHundred() {
        // Seeds 1-3, 150 trials: over the whole cube 41-44% of the proposals touched a bound and 4% were corners
        // (held out from the tests above: the bench's bound table found it first); in TuRBO-1's trust region 0-9%
        // and none, the best at 150 trials 3.2-3.4 against 4.1-5.2 at 100. This seed is the second.
        List<FrozenTrial> trials = run(10, -32.768, 32.768, 150, GpStaysOffTheWallsTest::ackley, 2);
        assertThat(shareTouchingABound(trials, -32.768, 32.768, 1)).isLessThan(1.0 / 3);
        assertThat(shareTouchingABound(trials, -32.768, 32.768, 10)).isZero();
        assertThat(bestUpTo(trials, 150)).isLessThan(bestUpTo(trials, 100));
    }

    private static double ackley(double[] x) {
        double sq = 0;
        double cos = 0;
        for (double v : x) {
            sq += v * v;
            cos += Math.cos(2 * Math.PI * v);
        }
        int d = x.length;
        return -20 * Math.exp(-0.2 * Math.sqrt(sq / d)) - Math.exp(cos / d) + 20 + Math.E;
    }

    private static List<FrozenTrial> run(int d, double lo, double hi, int n, ToDoubleFunction<double[]> f, long seed) {
        Study study = Study.builder("walls").seed(seed).sampler(new GpSampler(RandomStreams.seeded(seed))).create();
        study.optimize(t -> {
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                x[j] = t.suggestFloat("x" + j, lo, hi);
            }
            return f.applyAsDouble(x);
        }, OptimizeOptions.trials(n).withParallelism(1));
        return study.trials(EnumSet.of(TrialState.COMPLETE));
    }

    /** Share of GP proposals (after the random startup) with at least {@code coordinates} on a bound. */
    private static double shareTouchingABound(List<FrozenTrial> trials, double lo, double hi, int coordinates) {
        List<FrozenTrial> proposed = trials.stream().filter(t -> t.number() >= STARTUP).toList();
        long touching = proposed.stream().filter(t -> t.params().values().stream()
                .filter(v -> (double) v <= lo || (double) v >= hi).count() >= coordinates).count();
        return touching / (double) proposed.size();
    }

    private static double bestUpTo(List<FrozenTrial> trials, int n) {
        return trials.stream().filter(t -> t.number() < n).mapToDouble(FrozenTrial::value).min().orElseThrow();
    }

    private static double rastrigin(double[] x) {
        double s = 10 * x.length;
        for (double v : x) {
            s += v * v - 10 * Math.cos(2 * Math.PI * v);
        }
        return s;
    }

    private static double rosenbrock(double[] x) {
        double sum = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = x[i] - 1;
            sum += 100 * a * a + b * b;
        }
        return sum;
    }
}
