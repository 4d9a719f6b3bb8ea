package io.tunelab.search.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class IntersectionSearchSpaceTest {
    private static final Distribution X = FloatDistribution.uniform(0, 1);
    private static final Distribution Y = FloatDistribution.uniform(-5, 5);
    private static final Distribution Z = FloatDistribution.logUniform(1e-3, 1);

    private static FrozenTrial trial(int number, Map<String, Distribution> distributions) {
        Map<String, Object> params = new LinkedHashMap<>();
        distributions.keySet().forEach(name -> params.put(name, 0.5));
        return new FrozenTrial(100 + number, number, TrialState.COMPLETE, List.of(1.0), null, null, params, distributions,
                new TreeMap<>(), Map.of(), Map.of(), null);
    }

    private static Map<String, Distribution> ordered(Object... nameThenDistribution) {
        Map<String, Distribution> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenDistribution.length; i += 2) {
            m.put((String) nameThenDistribution[i], (Distribution) nameThenDistribution[i + 1]);
        }
        return m;
    }

    @Test
    void keepsTheParametersEveryCompleteTrialHasInTheFirstTrialsOrder() {
        IntersectionSearchSpace space = new IntersectionSearchSpace();
        List<FrozenTrial> trials = List.of(trial(0, ordered("y", Y, "x", X, "z", Z)), trial(1, ordered("x", X, "y", Y)));

        assertThat(space.compute(trials)).containsExactly(Map.entry("y", Y), Map.entry("x", X));
    }

    @Test
    void dropsAParameterOnceAnyTrialSuggestedItFromAnotherDistribution() {
        IntersectionSearchSpace space = new IntersectionSearchSpace();
        space.compute(List.of(trial(0, ordered("x", X, "y", Y))));

        Map<String, Distribution> after = space.compute(List.of(trial(0, ordered("x", X, "y", Y)),
                trial(1, ordered("x", X, "y", Z))));

        assertThat(after).containsOnlyKeys("x");
    }

    @Test
    void aTrialThatFinishesOutOfOrderStillNarrowsTheSpace() {
        IntersectionSearchSpace space = new IntersectionSearchSpace();
        space.compute(List.of(trial(0, ordered("x", X, "y", Y)), trial(2, ordered("x", X, "y", Y))));

        Map<String, Distribution> after = space.compute(List.of(trial(0, ordered("x", X, "y", Y)),
                trial(1, ordered("x", X)), trial(2, ordered("x", X, "y", Y))));

        assertThat(after).containsOnlyKeys("x");
    }

    @Test
    void rememberedTrialsStillCountWhenALaterCallPassesOnlyNewOnes() {
        IntersectionSearchSpace space = new IntersectionSearchSpace();
        space.compute(List.of(trial(0, ordered("x", X))));

        assertThat(space.compute(List.of(trial(0, ordered("x", X)), trial(1, ordered("x", X, "y", Y)))))
                .containsOnlyKeys("x");
    }
}
