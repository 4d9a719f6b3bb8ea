package io.tunelab.search.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.RangeOptions;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnownPointsTest {
    private static Map<String, Distribution> space() {
        Map<String, Distribution> m = new LinkedHashMap<>();
        m.put("x", FloatDistribution.stepped(-5, 5, 0.1));
        m.put("n", IntDistribution.logUniform(1, 1000));
        m.put("c", CategoricalDistribution.of("a", "b", "c"));
        return m;
    }

    private static Map<String, Double> point(double x, double n, int choice) {
        return Map.of("x", x, "n", n, "c", (double) choice);
    }

    @Test
    void aPointWithTheParametersOfAKnownOneIsKnown() {
        KnownPoints known = KnownPoints.of(space(), List.of(point(0.3, 300, 1)));
        assertThat(known.contains(point(0.3, 300, 1))).isTrue();
    }

    @Test
    void aSteppedFloatIsTheSameGridValueDespiteFloatingPointNoise() {
        KnownPoints known = KnownPoints.of(space(), List.of(point(-5 + 3 * 0.1, 7, 0)));
        assertThat(known.contains(point(-4.7, 7, 0))).isTrue();
        assertThat(known.contains(point(-4.6, 7, 0))).isFalse();
    }

    @Test
    void anotherIntegerOrAnotherCategoryIsNotKnown() {
        KnownPoints known = KnownPoints.of(space(), List.of(point(1, 2, 2)));
        assertThat(known.contains(point(1, 3, 2))).isFalse();
        assertThat(known.contains(point(1, 2, 0))).isFalse();
    }

    @Test
    void pointsThatLackAParameterOfTheSpaceAreLeftOut() {
        KnownPoints known = KnownPoints.of(space(), List.of(Map.of("x", 1.0, "n", 2.0)));
        assertThat(known.isEmpty()).isTrue();
        assertThat(known.contains(Map.of("x", 1.0, "n", 2.0))).isFalse();
    }

    @Test
    void noKnownPointsMakeNothingARepeat() {
        assertThat(KnownPoints.none().contains(point(0.3, 300, 1))).isFalse();
    }

    @Test
    void aSpaceWithAContinuousFloatHasNoKnownPointsAndSaysWhy() {
        Map<String, Distribution> mixed = new LinkedHashMap<>(space());
        mixed.put("lr", FloatDistribution.logUniform(1e-4, 1e-1));
        assertThat(KnownPoints.applies(mixed)).isFalse();
        assertThat(KnownPoints.applies(space())).isTrue();
        assertThatThrownBy(() -> KnownPoints.of(mixed, List.of()))
                .isInstanceOf(SamplerException.class)
                .hasMessageContaining("finitely many values")
                .hasMessageContaining("lr");
    }

    @Test
    void aFailedTrialsPointIsKnownAndPendingPointsAddToThem() {
        Study study = Study.builder("failed").create();
        Trial t = study.ask();
        t.suggestFloat("x", -5, 5, RangeOptions.step(0.1));
        t.suggestInt("n", 1, 1000, RangeOptions.log());
        t.suggestCategorical("c", List.of("a", "b", "c"));
        FrozenTrial failed = study.tell(t.number(), TrialState.FAIL);

        KnownPoints known = KnownPoints.ofTrials(space(), List.of(failed));
        Map<String, Double> point = Map.of("x", failed.internalParam("x"), "n", failed.internalParam("n"),
                "c", failed.internalParam("c"));
        assertThat(known.contains(point)).isTrue();
        assertThat(known.contains(point(4.9, 1, 0))).isFalse();
        assertThat(known.plus(List.of(point(4.9, 1, 0))).contains(point(4.9, 1, 0))).isTrue();
    }
}
