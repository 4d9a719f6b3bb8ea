package io.tunelab.cli;

import static io.tunelab.cli.CliInvocation.tunelab;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.registry.Promotion;
import io.tunelab.cli.wiring.ForwardingTrainerFactory;
import io.tunelab.cli.wiring.TribuoTrainers;
import io.tunelab.spec.StudySpec;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import io.tunelab.trainers.predict.InputSchema;
import io.tunelab.trainers.predict.Prediction;
import io.tunelab.trainers.predict.Predictor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A gated promotion loads the challenger's and the holder's model once each, for the input check and the gate alike. */
@Timeout(120)
class PromoteLoadsEachModelOnceTest {

    /** Tribuo's trainers, recording every model they load and every model they score. */
    private static final class Counting extends ForwardingTrainerFactory {
        final List<Path> loaded = new ArrayList<>();
        final List<Predictor> models = new ArrayList<>();
        final List<Predictor> scored = new ArrayList<>();
        final Map<Predictor, Predictor> real = new IdentityHashMap<>();
        int closed;

        Counting() {
            super(new TribuoTrainers());
        }

        @Override
        public io.tunelab.search.study.Objective create(StudySpec spec) {
            return delegate.create(spec);
        }

        @Override
        public Predictor load(Path artifact) {
            loaded.add(artifact);
            Predictor loadedModel = delegate.load(artifact);
            Predictor model = new Predictor() {
                @Override
                public InputSchema schema() {
                    return loadedModel.schema();
                }

                @Override
                public List<Prediction> predict(float[][] rows) {
                    return loadedModel.predict(rows);
                }

                @Override
                public void close() {
                    closed++;
                    loadedModel.close();
                }
            };
            models.add(model);
            real.put(model, loadedModel);
            return model;
        }

        @Override
        public double[] testScores(StudySpec spec, Predictor model) {
            scored.add(model);
            return delegate.testScores(spec, real.get(model));
        }
    }

    @Test
    void aGatedPromotionLoadsTheChallengerAndTheHolderOnceEach(@TempDir Path dir) throws Exception {
        String storage = dir.resolve("tracker").toString();
        Path file = Files.writeString(dir.resolve("s.yaml"), """
                study: s
                direction: maximize
                metric: accuracy
                sampler: {type: grid, seed: 1}
                budget: {trials: 2}
                trainer: tribuo-cart
                data: {dataset: synthetic-classification, samples: 200, classes: 2, seed: 1}
                space:
                  max_depth: {int: [2, 3]}
                """);
        assertThat(tunelab("run", file.toString(), "--storage", storage).code()).isZero();
        assertThat(tunelab("promote", "s", "--trial", "0", "--model", "m", "--storage", storage).code()).isZero();
        Counting trainers = new Counting();

        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(Path.of(storage)))) {
            new Promotion(tracker, List.of(trainers)).promote(new Promotion.Request("s", 1, "m", "production", "mcnemar",
                    0.95, true, null, "test"));
        }

        assertThat(trainers.loaded).as("the challenger's model file and the holder's, once each").hasSize(2)
                .doesNotHaveDuplicates();
        assertThat(trainers.scored).as("the gate scores the very models the input check loaded")
                .containsExactlyElementsOf(trainers.models);
        assertThat(trainers.closed).isEqualTo(2);
    }
}
