package io.tunelab.trainers.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.trainers.TrainersException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureJsonTest {
    @Test
    void anMlpSurvivesARoundTripThroughJson() {
        MlpArchitecture mlp = new MlpArchitecture(List.of(28, 28), List.of(64, 32), ActivationKind.LEAKY_RELU,
                WeightInit.HE, true, 0.25, true, 10);

        String json = ArchitectureJson.write(mlp);

        assertThat(json).contains("\"type\" : \"mlp\"", "\"hidden_units\"", "\"leaky_relu\"", "\"wide_and_deep\" : true");
        assertThat(ArchitectureJson.read(json)).isEqualTo(mlp);
    }

    @Test
    void aCnnSurvivesARoundTripThroughJson() {
        CnnArchitecture cnn = new CnnArchitecture(List.of(1, 28, 28), 2, 32, 3, PoolingKind.AVG, 128, 0.5,
                ActivationKind.RELU, WeightInit.GLOROT, false, 10);

        assertThat(ArchitectureJson.read(ArchitectureJson.write(cnn))).isEqualTo(cnn);
    }

    @Test
    void invalidValuesAreReportedWithTheFieldName() {
        String json = ArchitectureJson.write(MlpArchitecture.bookBaseline()).replace("\"relu\"", "\"swish\"");

        assertThatThrownBy(() -> ArchitectureJson.read(json)).isInstanceOf(TrainersException.class)
                .hasMessageContaining("activation must be one of relu, leaky_relu, elu, selu, tanh, gelu, got 'swish'");
    }

    @Test
    void unknownFieldsAreRejected() {
        String json = ArchitectureJson.write(MlpArchitecture.bookBaseline()).replace("{", "{\"colour\": 1,");

        assertThatThrownBy(() -> ArchitectureJson.read(json)).isInstanceOf(TrainersException.class)
                .hasMessageContaining("colour");
    }
}
