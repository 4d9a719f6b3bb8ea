package io.tunelab.trainers.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import io.tunelab.trainers.predict.Prediction;
import io.tunelab.trainers.sources.DataCard;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonteCarloDropoutTest {
    @TempDir
    Path dir;

    private DjlPredictor saved(Architecture architecture, DataCard card, String name) throws IOException {
        try (Model model = ModelFiles.newModel(name, Device.cpu())) {
            model.setBlock(Networks.build(architecture, 3));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, Networks.batchShape(architecture, 1));
            ModelFiles.Saved files = ModelFiles.save(model, architecture, dir, name);
            card.write(ModelFiles.dataCardFile(dir, name));
            return DjlPredictor.load(files.params(), List.of());
        }
    }

    private static MlpArchitecture mlp(double dropout, boolean alpha, boolean batchNorm, int outputs) {
        return new MlpArchitecture(List.of(4), List.of(16, 16), alpha ? ActivationKind.SELU : ActivationKind.RELU,
                WeightInit.LECUN, batchNorm, dropout, false, outputs, false, alpha, Regularization.NONE);
    }

    private static final float[][] ROWS = {{0.5f, -1, 2, 0.1f}, {1, 1, 1, 1}};

    @Test
    void aRegressorWithDropoutAnswersTheMeanOfItsSamplesWithANonZeroSpread() throws IOException {
        try (DjlPredictor p = saved(mlp(0.3, false, true, 1), DataCard.regression(DataCard.Input.TENSOR), "drop")) {
            List<Prediction> sampled = p.predict(ROWS, 30);

            assertThat(sampled).hasSize(2).allSatisfy(x -> assertThat((Double) x.spread()).isGreaterThan(0));
            assertThat(p.predict(ROWS).get(0).spread()).as("one deterministic pass has no spread").isNull();
            assertThat(p.predict(ROWS).get(0).output()).as("deterministic passes agree").isEqualTo(p.predict(ROWS).get(0).output());
        }
    }

    @Test
    void alphaDropoutSamplesToo() throws IOException {
        try (DjlPredictor p = saved(mlp(0.2, true, false, 1), DataCard.regression(DataCard.Input.TENSOR), "alpha")) {
            assertThat((Double) p.predict(ROWS, 30).get(1).spread()).isGreaterThan(0);
        }
    }

    @Test
    void aNetworkWithoutDropoutHasZeroSpread() throws IOException {
        try (DjlPredictor p = saved(mlp(0, false, true, 3), DataCard.classes(List.of("a", "b", "c"), DataCard.Input.TENSOR),
                "plain")) {
            Prediction sampled = p.predict(ROWS, 30).get(0);
            Prediction once = p.predict(ROWS).get(0);

            assertThat((Map<?, ?>) sampled.spread()).hasSize(3).allSatisfy((k, v) -> assertThat((Double) v).isZero());
            assertThat(sampled.output()).isEqualTo(once.output());
            assertThat(sampled.probabilities().get("a")).isCloseTo(once.probabilities().get("a"),
                    org.assertj.core.api.Assertions.within(1e-6));
        }
    }

    @Test
    void aClassifierWithDropoutSpreadsItsProbabilities() throws IOException {
        try (DjlPredictor p = saved(mlp(0.5, false, false, 3), DataCard.classes(List.of("a", "b", "c"), DataCard.Input.TENSOR),
                "classes")) {
            Prediction sampled = p.predict(ROWS, 30).get(0);

            assertThat(sampled.probabilities().values().stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(1, org.assertj.core.api.Assertions.within(1e-4));
            assertThat(((Map<?, ?>) sampled.spread()).values()).anySatisfy(v -> assertThat((Double) v).isGreaterThan(0));
        }
    }
}
