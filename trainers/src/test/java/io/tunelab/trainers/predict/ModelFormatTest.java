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
            ModelFormat.of(ModelFormat.TRIBUO, "model.tribuo", model).log(trial);
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
