package io.tunelab.search.sampler.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.SearchException;
import io.tunelab.search.sampler.auto.AutoSampler;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** The EI candidates of small numeric spaces ({@link TpeOptions#smallSpaceEiCandidates}). */
class TpeSmallSpaceCandidatesTest {
    private static final int TRIALS = 30;

    /** A shifted sphere in {@code n} floats on [-5, 5], with a categorical that adds 0 or 1 when {@code choice}. */
    private static ToDoubleFunction<Trial> sphere(int n, boolean choice) {
        return t -> {
            double sum = choice && "b".equals(t.suggestCategorical("c", List.of("a", "b"))) ? 1 : 0;
            for (int i = 0; i < n; i++) {
                double x = t.suggestFloat("x" + i, -5, 5) - 1.3;
                sum += x * x;
            }
            return sum;
        };
    }

    private static List<Map<String, Object>> params(TpeOptions options, ToDoubleFunction<Trial> objective) {
        Study study = Study.builder("small").seed(5).sampler(s -> new TpeSampler(s, options)).create();
        study.optimize(objective::applyAsDouble, OptimizeOptions.trials(TRIALS).withParallelism(1));
        return study.trials(EnumSet.of(TrialState.COMPLETE)).stream().map(FrozenTrial::params).toList();
    }

    @Test
    void inATwoFloatSpaceTheDefaultsDrawTheSmallSpacesCandidatesInsteadOfTwentyFour() {
        TpeOptions everywhere24 = TpeOptions.defaults().withSmallSpaceEiCandidates(0);
        List<Map<String, Object>> defaults = params(TpeOptions.defaults(), sphere(2, false));
        assertThat(defaults).isEqualTo(params(everywhere24.withEiCandidates(TpeOptions.SMALL_SPACE_EI_CANDIDATES),
                sphere(2, false)));
        assertThat(defaults).isNotEqualTo(params(everywhere24, sphere(2, false)));
    }

    @Test
    void spacesOfFourParametersOrWithACategoricalKeepTheirTwentyFour() {
        TpeOptions off = TpeOptions.defaults().withSmallSpaceEiCandidates(0);
        assertThat(params(TpeOptions.defaults(), sphere(4, false))).isEqualTo(params(off, sphere(4, false)));
        assertThat(params(TpeOptions.defaults(), sphere(2, true))).isEqualTo(params(off, sphere(2, true)));
    }

    @Test
    void theCountDependsOnTheSpacesSizeAndKindsOnly() {
        TpeOptions options = TpeOptions.defaults();
        Distribution x = FloatDistribution.uniform(0, 1);
        Distribution n = new IntDistribution(1, 9, false, 1);
        assertThat(options.eiCandidatesFor(Map.of("x", x, "n", n, "y", x))).isEqualTo(96);
        assertThat(options.eiCandidatesFor(Map.of("x", x, "n", n, "y", x, "z", x))).isEqualTo(24);
        assertThat(options.eiCandidatesFor(Map.of("x", x, "c", CategoricalDistribution.of("a", "b"))))
                .isEqualTo(24);
        assertThat(TpeOptions.optuna().eiCandidatesFor(Map.of("x", x))).as("Optuna's TPE").isEqualTo(24);
        assertThat(options.describe()).containsEntry("small_space_ei_candidates", 96);
    }

    @Test
    void autosTpeTurnsGoWithoutItAndANegativeCountIsRejectedByName() {
        assertThat(AutoSampler.tpeDefaults().smallSpaceEiCandidates()).isZero();
        assertThat(AutoSampler.tpeDefaults().modelCredit()).isFalse();
        assertThatThrownBy(() -> TpeOptions.defaults().withSmallSpaceEiCandidates(-1))
                .isInstanceOf(SearchException.class).hasMessageContaining("smallSpaceEiCandidates").hasMessageContaining("-1");
    }
}
