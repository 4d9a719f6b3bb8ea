package io.tunelab.tracker.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * As the README's "Registering a model from Java" does (here with a stand-in for a trainer), the registry makes a study's
 * best trial and its model file a version with an alias.
 */
class RegisteringFromJavaTest {
    @TempDir
    Path tmp;

    @Test
    void theBestTrialOfAStudyRunFromJavaBecomesAVersionWithItsModelFileAndAnAlias() throws Exception {
        Path modelFile = tmp.resolve("model.bin");
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(tmp.resolve(".tunelab")))) {
            Study study = Study.builder("binh").storage(tracker.storage()).seed(1).createOrLoad();
            study.optimize(trial -> {
                double accuracy = train(trial.suggestFloat("lr", 1e-4, 1e-1), modelFile);
                trial.logArtifact("model.bin", modelFile);
                return accuracy;
            }, OptimizeOptions.trials(4));
            ModelRegistry registry = tracker.registry();
            if (registry.findModel("binh-model").isEmpty()) {
                registry.createModel("binh-model", "classifier of the binh study");
            }
            ModelVersion v = registry.createVersion("binh-model", study.bestTrial().id(), "model.bin", "best of binh", "me");
            registry.setAlias("binh-model", "production", v.version(), Change.by("me", "best trial of binh"));

            ModelVersion production = registry.resolve("binh-model", "production").orElseThrow();
            assertThat(production.source().trialNumber()).isEqualTo(study.bestTrial().number());
            assertThat(production.source().artifact().name()).isEqualTo("model.bin");
            assertThat(Files.readString(tracker.artifacts().resolve(production.source().artifact())))
                    .isEqualTo("lr=" + study.bestTrial().params().get("lr"));
        }
    }

    /** Stands for training: the "model" names its learning rate, the accuracy is highest near lr = 0.01. */
    private static double train(double lr, Path modelFile) throws java.io.IOException {
        Files.writeString(modelFile, "lr=" + lr);
        return 1 - Math.abs(Math.log10(lr) + 2);
    }
}
