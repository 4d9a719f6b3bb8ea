package io.tunelab.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.wiring.EffectiveConfiguration.Setting;
import io.tunelab.cli.wiring.EffectiveConfiguration.Source;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.trainers.predict.Prediction;
import io.tunelab.trainers.predict.Predictor;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A DJL study from a study file on a Fashion-MNIST subset, its saved model served and scored. */
class DjlTrainersIT {
    private static final String YAML = """
            study: tiny-fashion
            direction: maximize
            metric: val_accuracy
            sampler: {type: random, seed: 4}
            budget: {trials: 2}
            trainer: djl-mlp
            data: {dataset: fashion-mnist, subset: 3000}
            space:
              n_hidden: {int: [1, 2]}
              n_units_l{i}: {int: [32, 128], log: true, per_layer: n_hidden}
              learning_rate: {reciprocal: [1e-3, 1e-2]}
              optimizer: {choice: [adam]}
            fit: {epochs: 2, batch_size: 64, schedule: {type: exponential, s: 5}}
            """;

    @Test
    void aStudyFileTrainsMlpsWhoseBestModelServesAndScoresOnTheTestSet() throws Exception {
        StudySpec spec = new StudySpecParser().parse(YAML, "tiny.yaml");
        DjlTrainers trainers = new DjlTrainers();
        assertThat(trainers.handles("djl-mlp")).isTrue();
        InMemoryStorage storage = new InMemoryStorage();
        Study study = Study.builder(spec.study()).storage(storage).direction(Direction.MAXIMIZE).create();
        study.optimize(trainers.create(spec), OptimizeOptions.trials(2).withParallelism(1));

        FrozenTrial best = study.bestTrial();
        assertThat(best.value()).isGreaterThan(0.6);
        int layers = (Integer) best.params().get("n_hidden");
        assertThat(best.params()).containsKey("n_units_l" + (layers - 1)).doesNotContainKey("n_units_l" + layers);
        assertThat(best.userAttrs().get("architecture").toString()).contains(String.valueOf(best.params().get("n_units_l0")));
        assertThat(best.userAttrs()).containsKey("test_evaluation");
        @SuppressWarnings("unchecked")
        Map<String, Object> fixed = (Map<String, Object>) best.userAttrs().get("fixed_params");
        assertThat(fixed).containsEntry("activation", "relu")
                .containsEntry("epochs", 2).containsEntry("batch_norm", false)
                .doesNotContainKeys("n_hidden", "learning_rate", "optimizer");

        ArtifactRef weights = storage.artifacts(best.id()).stream()
                .filter(a -> a.name().equals(trainers.modelArtifact())).findFirst().orElseThrow();
        double accuracy;
        try (Predictor model = trainers.load(Path.of(weights.uri()))) {
            float[][] blank = new float[2][784];
            List<Prediction> p = model.predict(blank);
            assertThat(p).hasSize(2);
            assertThat(p.get(0).probabilities()).hasSize(10);
            assertThat(p.get(0).probabilities().values().stream().mapToDouble(Double::doubleValue).sum())
                    .isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-4));
            double[] scores = trainers.testScores(spec, model);
            assertThat(scores).hasSize(10_000);
            accuracy = Arrays.stream(scores).average().orElseThrow();
        }
        Object reported = ((Map<?, ?>) best.userAttrs().get("test_evaluation")).get("accuracy");
        assertThat(accuracy).isCloseTo(((Number) reported).doubleValue(), org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void theConfigurationSearchesTheSpaceAndFixesTheRestFromTheFitSectionTheTrainerOrTheDefaults() {
        EffectiveConfiguration c = new DjlTrainers().configuration(new StudySpecParser().parse(YAML, "tiny.yaml"));

        assertThat(c.searchSpace()).containsOnlyKeys("n_hidden", "n_units_l0", "n_units_l1", "learning_rate", "optimizer");
        assertThat(c.fixed()).contains(new Setting("model", Source.TRAINER, null, "mlp"),
                new Setting("epochs", Source.FILE, null, "2"), new Setting("lr_schedule", Source.FILE, null, "exponential"),
                new Setting("lr_decay_epochs", Source.FILE, null, "5"), new Setting("weight_decay", Source.DEFAULT, null, "0"));
        assertThat(c.fixed()).extracting(Setting::name).as("every layer's width is searched; adam is the only optimizer")
                .doesNotContain("n_units_l{i}", "learning_rate", "n_neurons");
        StudySpec mlpSpaceOnACnn = new StudySpecParser().parse(YAML.replace("djl-mlp", "djl-cnn"), "cnn.yaml");
        assertThatThrownBy(() -> new DjlTrainers().configuration(mlpSpaceOnACnn)).isInstanceOf(CliException.class)
                .hasMessageContaining("djl-cnn never reads 'n_hidden'");
        StudySpec cnn = new StudySpecParser().parse(YAML.replace("djl-mlp", "djl-cnn")
                .replace("  n_hidden: {int: [1, 2]}\n  n_units_l{i}: {int: [32, 128], log: true, per_layer: n_hidden}\n",
                        "  filters: {choice: [8, 16]}\n"), "cnn.yaml");
        assertThat(new DjlTrainers().configuration(cnn).fixed()).contains(new Setting("model", Source.TRAINER, null, "cnn"));
    }

    @Test
    void otherDataSetsAndScheduleOptionsAreNamed() {
        StudySpec other = new StudySpecParser().parse(YAML.replace("dataset: fashion-mnist", "dataset: cifar"), "a.yaml");
        assertThatThrownBy(() -> new DjlTrainers().create(other)).isInstanceOf(CliException.class)
                .hasMessageContaining("'cifar'");
        StudySpec badOption = new StudySpecParser().parse(YAML.replace("s: 5", "half_life: 5"), "b.yaml");
        assertThatThrownBy(() -> DjlTrainers.fixed(badOption)).hasMessageContaining("fit.schedule.half_life");
    }
}
