package io.tunelab.trainers.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.testing.TestStudies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model's MLmodel file: logged to its trial, read back as written; a file without its flavor is named with what is expected. */
class ModelFormatTest {
    @TempDir
    Path dir;

    @Test
    void aLoggedFormatIsReadBackWithItsFlavorModelFileAndSignature() {
        Predictor model = new Predictor() {
            @Override
            public InputSchema schema() {
                return new InputSchema(List.of(), List.of("a", "b"));
            }

            @Override
            public OutputSchema output() {
                return new OutputSchema("classification", "y", List.of("no", "yes"));
            }

            @Override
            public List<Prediction> predict(float[][] rows) {
                return List.of();
            }
        };
        Study study = TestStudies.maximizing("format");

        study.optimize(trial -> {
            ModelFormat.of(ModelFormat.TRIBUO, "model.tribuo", model).withTrainer("tribuo-xgboost").log(trial);
            return 1.0;
        }, OptimizeOptions.trials(1));

        FrozenTrial trial = TestStudies.trial(study, 0);
        assertThat(trial.state()).as(trial.message()).isEqualTo(TrialState.COMPLETE);
        ArtifactRef ref = study.storage().artifacts(trial.id()).get(0);
        assertThat(ref.name()).isEqualTo(ModelFormat.ARTIFACT);
        ModelFormat read = ModelFormat.read(Path.of(ref.uri()));
        assertThat(read.flavor()).isEqualTo("tribuo");
        assertThat(read.modelFile()).isEqualTo("model.tribuo");
        assertThat(read.signature()).isEqualTo(Signature.of(model.schema(), model.output()));
        assertThat(read.trainer()).isEqualTo("tribuo-xgboost");
    }

    @Test
    void theFileListsTheLibraryFlavorAndTunelabsLoaderWithTheTrainerAsMlflowsFlavorsDo() throws Exception {
        Path file = dir.resolve("MLmodel");
        Study study = TestStudies.maximizing("flavors");
        study.optimize(trial -> {
            new ModelFormat(ModelFormat.DJL, "best-0000.params", Map.of()).withTrainer("djl-mlp").log(trial);
            return 1.0;
        }, OptimizeOptions.trials(1));
        Files.copy(Path.of(study.storage().artifacts(TestStudies.trial(study, 0).id()).get(0).uri()), file);

        Map<?, ?> written = new com.fasterxml.jackson.databind.ObjectMapper().readValue(file.toFile(), Map.class);
        assertThat(written.get("flavors")).isEqualTo(Map.of("djl", Map.of("model_file", "best-0000.params"),
                "tunelab", Map.of("loader", "djl", "trainer", "djl-mlp")));
        assertThat(written.get("flavor")).as("kept for the readers of the earlier form").isEqualTo("djl");
        assertThat(written.get("model_file")).isEqualTo("best-0000.params");
        assertThat(written.get("trainer")).isEqualTo("djl-mlp");
    }

    @Test
    void aFileOfTheFormLoggedBeforeFlavorsAndTrainerIsStillReadItsTrainerUnknown() throws Exception {
        Path old = Path.of(ModelFormatTest.class.getResource("/mlmodel/MLmodel-before-flavors.json").toURI());

        ModelFormat read = ModelFormat.read(old);

        assertThat(read).isEqualTo(new ModelFormat("djl", "best-0000.params", Map.of("inputs", Map.of("type", "tensor",
                "shape", List.of(3)), "outputs", Map.of("task", "regression"))));
        assertThat(read.trainer()).isNull();
    }

    @Test
    void aFileWithOnlyTheFlavorsMapIsRead() throws Exception {
        Path file = Files.writeString(dir.resolve("MLmodel"), "{\"flavors\": {\"tribuo\": {\"model_file\": \"model.tribuo\"},"
                + " \"tunelab\": {\"loader\": \"tribuo\", \"trainer\": \"tribuo-cart\"}}}");

        assertThat(ModelFormat.read(file)).isEqualTo(new ModelFormat("tribuo", "model.tribuo", Map.of(), "tribuo-cart"));
    }

    @Test
    void aFileWithoutAFlavorIsRefusedNamingTheFileAndWhatIsExpected() throws Exception {
        Path file = Files.writeString(dir.resolve("MLmodel"), "{\"model_file\": \"model.tribuo\"}");

        assertThatThrownBy(() -> ModelFormat.read(file)).isInstanceOf(TrainersException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("names no flavor and model_file")
                .hasMessageContaining("got flavor null and model_file model.tribuo");
    }

    @Test
    void theSignatureIsNotModifiable() {
        ModelFormat f = new ModelFormat("djl", "best-0000.params", Map.of());
        assertThatThrownBy(() -> f.signature().put("inputs", Map.of())).isInstanceOf(UnsupportedOperationException.class);
    }
}
