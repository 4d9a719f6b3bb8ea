package io.tunelab.search.sampler.gp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.FiniteSpaces;
import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.RangeOptions;
import io.tunelab.search.trial.TrialState;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * In spaces of finitely many values, GP proposals after the random start-up never repeat the parameters of a
 * trial already evaluated while an unevaluated point remains. EI is maximised over the continuous relaxation,
 * and its maximiser next to the incumbent snapped back into the incumbent's cell: before this rule both tests
 * failed, the grid one at trial 10, the first proposal after the start-up.
 */
class GpNeverRepeatsAPointTest {
    private static final int STARTUP = 10;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void onARuggedFunctionOfSteppedFloatsNoProposalRepeatsAnEvaluatedPoint() {
        Study study = Study.builder("rugged").seed(1).sampler(new GpSampler(RandomStreams.seeded(1))).create();
        study.optimize(t -> rugged(t.suggestFloat("x", -5, 5, RangeOptions.step(0.25)),
                t.suggestFloat("y", -5, 5, RangeOptions.step(0.25))), OptimizeOptions.trials(60).withParallelism(1));
        assertThat(repeats(study.trials(EnumSet.of(TrialState.COMPLETE)))).isZero();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void onAGridOfIntegersProposalsVisitNewCellsUntilTheGridIsUsedUpAndThenMayRepeat() {
        FiniteSpaces.assertGridUsedUpBeforeAnyRepeat(new GpSampler(RandomStreams.seeded(2)), STARTUP);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aPointWhoseTrialFailedIsNotProposedAgain() {
        FiniteSpaces.assertFailedPointNotProposedAgain(new GpSampler(RandomStreams.seeded(6)), STARTUP);
    }

    /** GP proposals (after the start-up) whose parameters equal an earlier trial's. */
    private static long repeats(List<FrozenTrial> trials) {
        Set<Map<String, Object>> seen = new HashSet<>();
        long repeats = 0;
        for (FrozenTrial t : trials) {
            if (!seen.add(t.params()) && t.number() >= STARTUP) {
                repeats++;
            }
        }
        return repeats;
    }

    /** A deterministic function rugged at every scale, as BBOB's Katsuura function (plus a gentle bowl). */
    private static double rugged(double x, double y) {
        double v = 1;
        for (int i = 1; i <= 2; i++) {
            double z = i == 1 ? x : y;
            double s = 0;
            for (int j = 1; j <= 16; j++) {
                double p = Math.pow(2, j) * z;
                s += Math.abs(p - Math.rint(p)) / Math.pow(2, j);
            }
            v *= Math.pow(1 + i * s, 10 / Math.pow(2, 1.2));
        }
        return v + 0.01 * (x * x + y * y);
    }
}
