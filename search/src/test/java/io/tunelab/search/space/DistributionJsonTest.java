package io.tunelab.search.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionJsonTest {

    @Test
    void everyKindOfDistributionSurvivesTheJsonRoundTrip() {
        List<Distribution> all = List.of(
                FloatDistribution.uniform(-1.5, 2.5),
                FloatDistribution.logUniform(3e-4, 3e-2),
                FloatDistribution.stepped(0.0, 0.5, 0.1),
                IntDistribution.uniform(0, 3),
                IntDistribution.logUniform(16, 512),
                IntDistribution.stepped(32, 256, 32),
                ExponentialDistribution.withScale(0.1),
                new ExponentialDistribution(-2.5, 3),
                CategoricalDistribution.of("relu", "elu", "selu"),
                CategoricalDistribution.of(true, false),
                CategoricalDistribution.of(16, 32.5, "auto"));
        for (Distribution d : all) {
            assertThat(DistributionJson.fromJson(DistributionJson.toJson(d))).as(d.describe()).isEqualTo(d);
        }
    }

    @Test
    void theJsonNamesTheTypeAndItsAttributes() {
        assertThat(DistributionJson.toJson(FloatDistribution.logUniform(0.001, 0.1)))
                .isEqualTo("{\"type\":\"float\",\"low\":0.001,\"high\":0.1,\"log\":true,\"step\":0.0}");
        assertThat(DistributionJson.toJson(CategoricalDistribution.of("a", 1)))
                .isEqualTo("{\"type\":\"categorical\",\"choices\":[\"a\",1]}");
        assertThat(DistributionJson.toJson(new ExponentialDistribution(1, 0.5)))
                .isEqualTo("{\"type\":\"expon\",\"loc\":1.0,\"scale\":0.5}");
    }

    @Test
    void badJsonIsRejectedWithWhatWasWrong() {
        assertThatThrownBy(() -> DistributionJson.fromJson("{\"type\":\"gamma\"}")).hasMessageContaining("'gamma'");
        assertThatThrownBy(() -> DistributionJson.fromJson("not json")).hasMessageContaining("not json");
        assertThatThrownBy(() -> DistributionJson.fromJson("{\"type\":\"float\",\"low\":2,\"high\":1}"))
                .hasMessageContaining("low=2.0");
        assertThatThrownBy(() -> DistributionJson.fromJson("{\"type\":\"expon\",\"scale\":0}"))
                .hasMessageContaining("scale=0.0");
    }
}
