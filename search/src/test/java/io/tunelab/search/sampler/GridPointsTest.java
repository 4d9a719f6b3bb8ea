package io.tunelab.search.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridPointsTest {

    @Test
    void enumeratesSteppedFloatsSteppedIntsAndLogInts() {
        assertThat(GridPoints.valuesOf("f", FloatDistribution.stepped(0, 1, 0.25)))
                .containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
        assertThat(GridPoints.valuesOf("i", IntDistribution.stepped(0, 10, 5))).containsExactly(0, 5, 10);
        assertThat(GridPoints.valuesOf("l", IntDistribution.logUniform(1, 4))).containsExactly(1, 2, 3, 4);
        assertThat(GridPoints.valuesOf("s", FloatDistribution.uniform(2, 2))).containsExactly(2.0);
    }

    @Test
    void findsEveryPointBackFromItsValuesWithTheLastParameterVaryingFastest() {
        GridPoints grid = new GridPoints(GridPoints.axesOfValues(twoByThree()), null);

        assertThat(grid.size()).isEqualTo(6);
        assertThat(grid.point(1)).containsExactly(Map.entry("a", 1), Map.entry("b", "y"));
        for (int i = 0; i < grid.size(); i++) {
            assertThat(grid.indexOf(grid.point(i))).as("point %d", i).isEqualTo(i);
        }
        assertThat(grid.indexOf(Map.of("a", 2.0, "b", "z"))).as("numbers agree by value").isEqualTo(5);
        assertThat(grid.indexOf(Map.of("a", 3, "b", "z"))).as("off the grid").isEqualTo(-1);
    }

    @Test
    void mergesThePointsOfOneConfigurationInAConditionalSpace() {
        Map<String, Distribution> space = new LinkedHashMap<>();
        space.put("impurity", CategoricalDistribution.of("gini", "entropy"));
        space.put("fraction", FloatDistribution.stepped(0.5, 1.0, 0.5));
        GridPoints grid = new GridPoints(GridPoints.axesOf(space), values -> "gini".equals(values.get("impurity"))
                ? Map.of("impurity", "gini") : values);

        assertThat(grid.size()).isEqualTo(3);
        assertThat(grid.indexOf(Map.of("impurity", "gini"))).isZero();
        assertThat(grid.indexOf(Map.of("impurity", "entropy", "fraction", 1.0))).isEqualTo(2);
        assertThat(grid.allows(Map.of("fraction", 1.0), 0)).as("gini does not use fraction").isTrue();
        assertThat(grid.allows(Map.of("fraction", 1.0), 1)).isFalse();
    }

    @Test
    void refusesAnAxisWithoutValuesNamingIt() {
        Map<String, List<Object>> values = new LinkedHashMap<>();
        values.put("depth", List.of());

        assertThatThrownBy(() -> GridPoints.axesOfValues(values)).isInstanceOf(SamplerException.class)
                .hasMessageContaining("parameter 'depth'");
    }

    private static Map<String, List<Object>> twoByThree() {
        Map<String, List<Object>> values = new LinkedHashMap<>();
        values.put("a", List.of(1, 2));
        values.put("b", List.of("x", "y", "z"));
        return values;
    }
}
