package io.tunelab.search.sampler.gp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.space.SearchSpaceTransform;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnownPointsTest {
    private final SearchSpaceTransform transform = new SearchSpaceTransform(space());

    private static Map<String, Distribution> space() {
        Map<String, Distribution> m = new LinkedHashMap<>();
        m.put("x", FloatDistribution.uniform(-5, 5));
        m.put("n", IntDistribution.uniform(1, 10));
        m.put("c", CategoricalDistribution.of("a", "b", "c"));
        return m;
    }

    private double[] point(double x, double n, int choice) {
        return transform.toUnit(Map.of("x", x, "n", n, "c", (double) choice));
    }

    @Test
    void aPointWithTheParametersOfAnObservedOneIsKnown() {
        KnownPoints known = KnownPoints.of(transform, new double[][] {point(5, 3, 1)}, List.of());
        assertThat(known.contains(point(5, 3, 1))).isTrue();
    }

    @Test
    void aPointThatRoundsToAnObservedIntegerIsKnownWhileAnotherFloatIsNot() {
        double[] observed = point(0.5, 3, 0);
        KnownPoints known = KnownPoints.of(transform, new double[][] {observed}, List.of());
        double[] sameInteger = observed.clone();
        sameInteger[1] += 0.02; // still rounds to 3 (each integer spans a tenth of the coordinate)
        double[] otherFloat = observed.clone();
        otherFloat[0] += 1e-6;
        assertThat(known.contains(sameInteger)).isTrue();
        assertThat(known.contains(otherFloat)).isFalse();
    }

    @Test
    void aPendingPointIsKnownAndAnotherCategoryIsNot() {
        KnownPoints known = KnownPoints.of(transform, new double[0][], List.of(point(1, 2, 2)));
        assertThat(known.contains(point(1, 2, 2))).isTrue();
        assertThat(known.contains(point(1, 2, 0))).isFalse();
    }

    @Test
    void noKnownPointsMakeNothingARepeat() {
        assertThat(KnownPoints.none(transform).contains(point(5, 3, 1))).isFalse();
    }
}
