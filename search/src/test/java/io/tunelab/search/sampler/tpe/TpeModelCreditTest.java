package io.tunelab.search.sampler.tpe;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.auto.AutoSampler;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import java.util.EnumSet;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** TPE's model credit ({@link TpeOptions#modelCredit}), seen from the trials a study records. */
class TpeModelCreditTest {
    private static final int TRIALS = 40;

    /** Rastrigin in {@code n} floats on [-5, 5]. */
    private static ToDoubleFunction<Trial> rastrigin(int n) {
        return t -> {
            double sum = 10 * n;
            for (int i = 0; i < n; i++) {
                double x = t.suggestFloat("x" + i, -5, 5);
                sum += x * x - 10 * Math.cos(2 * Math.PI * x);
            }
            return sum;
        };
    }

    private static List<FrozenTrial> run(Study study, ToDoubleFunction<Trial> objective) {
        study.optimize(objective::applyAsDouble, OptimizeOptions.trials(TRIALS).withParallelism(1));
        return study.trials(EnumSet.of(TrialState.COMPLETE));
    }

    private static Object model(FrozenTrial t) {
        return t.systemAttrs().get(ModelTurns.ATTR);
    }

    @Test
    void inAFourParameterNumericStudyEachTrialAfterTheStartUpRecordsTheModelItsHistoryGaveIt() {
        List<FrozenTrial> trials = run(Study.builder("credit").seed(3).sampler(TpeSampler::new).create(), rastrigin(4));
        int univariate = 0;
        for (FrozenTrial t : trials) {
            if (t.number() < TpeOptions.defaults().startupTrials()) {
                assertThat(model(t)).as("start-up trial %d", t.number()).isNull();
                continue;
            }
            List<FrozenTrial> before = trials.stream().filter(o -> o.number() < t.number()).toList();
            assertThat(model(t)).as("trial %d", t.number()).isEqualTo(ModelTurns.choose(t.number(), before, Direction.MINIMIZE));
            univariate += ModelTurns.UNIVARIATE.equals(model(t)) ? 1 : 0;
        }
        assertThat(univariate).as("univariate turns").isPositive().isLessThanOrEqualTo((TRIALS - 10) / 2);
    }

    @Test
    void inSmallerSpacesWithTheCreditOffAndInAutosTpeTurnsNoTrialRecordsAModel() {
        assertThat(run(Study.builder("3").seed(3).sampler(TpeSampler::new).create(), rastrigin(3)))
                .allSatisfy(t -> assertThat(model(t)).isNull());
        assertThat(run(Study.builder("off").seed(3).sampler(s -> new TpeSampler(s, TpeOptions.defaults().withModelCredit(false)))
                .create(), rastrigin(4))).allSatisfy(t -> assertThat(model(t)).isNull());
        assertThat(run(Study.builder("auto").seed(3).sampler(AutoSampler::new).create(), rastrigin(4)))
                .anySatisfy(t -> assertThat(t.systemAttrs()).containsEntry("sampler", "tpe"))
                .allSatisfy(t -> assertThat(model(t)).isNull());
    }
}
