package io.tunelab.trainers.djl.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.trainers.testing.FashionMnistFixture;
import io.tunelab.trainers.testing.TestStudies;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The end-to-end target: eight random trials of two epochs on all of Fashion-MNIST. */
@Tag("slow")
class RandomSearchFashionMnistIT {
    @Test
    void eightRandomTrialsOfTwoEpochsFindAClearlyBetterModel() {
        Study study = TestStudies.maximizing("fashion-random");
        DjlObjective objective = new DjlObjective(FashionMnistFixture.splits(), DjlObjectiveConfig.mlp(Map.of(
                "n_hidden", IntDistribution.uniform(1, 3),
                "n_neurons", new IntDistribution(16, 256, true, 1),
                "learning_rate", new FloatDistribution(1e-4, 1e-1, true, 0),
                "optimizer", new CategoricalDistribution(List.of("sgd", "momentum", "adam", "rmsprop"))),
                Map.of("epochs", 2, "batch_size", 64)).withCheckpoint(false));

        study.optimize(objective, OptimizeOptions.trials(8).withParallelism(2));

        List<FrozenTrial> done = study.trials(EnumSet.of(TrialState.COMPLETE));
        double best = done.stream().mapToDouble(FrozenTrial::value).max().orElseThrow();
        double worst = done.stream().mapToDouble(FrozenTrial::value).min().orElseThrow();
        assertThat(done).hasSizeGreaterThanOrEqualTo(6);
        assertThat(best).isGreaterThan(0.84);
        assertThat(best - worst).isGreaterThan(0.03);
    }
}
