package io.tunelab.search.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SearchSpaceTransformTest {

    private static SearchSpaceTransform transform() {
        Map<String, Distribution> space = new LinkedHashMap<>();
        space.put("lr", FloatDistribution.logUniform(1e-4, 1e-1));
        space.put("units", IntDistribution.logUniform(16, 512));
        space.put("layers", IntDistribution.uniform(0, 3));
        space.put("dropout", FloatDistribution.stepped(0.0, 0.5, 0.1));
        space.put("act", CategoricalDistribution.of("relu", "elu", "gelu"));
        return new SearchSpaceTransform(space);
    }

    @Test
    void categoricalsTakeOneCoordinatePerChoice() {
        SearchSpaceTransform t = transform();
        assertThat(t.dimension()).isEqualTo(4 + 3);
        assertThat(t.offset("act")).isEqualTo(4);
    }

    @Test
    void logParametersAreEncodedOnTheLogScale() {
        double mid = SearchSpaceTransform.encode(FloatDistribution.logUniform(1e-4, 1e-2), 1e-3);
        assertThat(mid).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void everyPointDecodesToAnAdmissibleValueThatEncodesBackNearby() {
        SearchSpaceTransform t = transform();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 1000; i++) {
            double[] u = new double[t.dimension()];
            for (int k = 0; k < u.length; k++) {
                u[k] = random.nextDouble();
            }
            Map<String, Double> internal = t.fromUnit(u);
            internal.forEach((name, v) -> assertThat(t.space().get(name).contains(v)).as(name + "=" + v).isTrue());
            assertThat(t.fromUnit(t.toUnit(internal))).isEqualTo(internal);
        }
    }

    @Test
    void anExponentialIsEncodedAsItsCumulativeProbabilityAndTheEndOfTheCubeStaysFinite() {
        ExponentialDistribution d = new ExponentialDistribution(1, 2);
        double median = 1 + 2 * Math.log(2);

        assertThat(SearchSpaceTransform.encode(d, median)).isCloseTo(0.5, within(1e-12));
        assertThat(SearchSpaceTransform.decode(d, new double[] {0.5}, 0)).isCloseTo(median, within(1e-12));
        assertThat(SearchSpaceTransform.decode(d, new double[] {0.0}, 0)).isEqualTo(1.0);
        double top = SearchSpaceTransform.decode(d, new double[] {1.0}, 0);
        assertThat(top).isCloseTo(1 + 2 * 53 * Math.log(2), within(1e-9));
        assertThat(d.contains(top)).isTrue();
        assertThat(SearchSpaceTransform.decode(d, new double[] {7.0}, 0)).isEqualTo(top);
        for (double v : new double[] {1, 1.001, 3, 40}) {
            double u = SearchSpaceTransform.encode(d, v);
            assertThat(SearchSpaceTransform.decode(d, new double[] {u}, 0)).isCloseTo(v, within(1e-9 * v));
        }
    }

    @Test
    void integerValuesOwnEqualSharesOfTheUnitInterval() {
        IntDistribution d = IntDistribution.uniform(0, 3);
        int[] counts = new int[4];
        for (int i = 0; i < 4000; i++) {
            counts[(int) SearchSpaceTransform.decode(d, new double[] {(i + 0.5) / 4000}, 0)]++;
        }
        assertThat(counts).containsExactly(1000, 1000, 1000, 1000);
    }
}
