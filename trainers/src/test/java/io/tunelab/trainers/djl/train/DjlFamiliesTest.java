package io.tunelab.trainers.djl.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.trainers.djl.optimizer.OptimizerKind;
import io.tunelab.trainers.testing.TestStudies;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What {@link DjlHyperparameters} says each family reads is what {@link ArchitectureParams} reads for it. */
class DjlFamiliesTest {
    private static final Map<String, int[]> SHAPES = Map.of("mlp", new int[] {8}, "wide_deep", new int[] {8},
            "cnn", new int[] {1, 12, 12}, "rnn", new int[] {12, 1});

    @Test
    void theArchitectureParametersEachFamilyIsSaidToReadAreTheOnesItsArchitectureReads() {
        for (String model : DjlHyperparameters.MODELS) {
            TrialParams p = new TrialParams(TestStudies.maximizing("families").ask(), Map.of(), Map.of());
            ArchitectureParams.read(p, model, SHAPES.get(model), 3);
            Set<String> read = p.unsampled().keySet();
            List<String> said = DjlHyperparameters.readBy(model, List.of(OptimizerKind.values())).names();

            assertThat(said).as(model).containsAll(read);
            List<String> onlySome = said.stream().filter(n -> DjlHyperparameters.familiesReading(n).size() < 4)
                    .filter(n -> !n.contains("{i}")).toList();
            assertThat(read).as(model).containsAll(onlySome);
        }
    }

    @Test
    void eachOptimizerParameterIsSaidToBeReadByTheOptimizersThatReadIt() {
        TrialParams adam = new TrialParams(TestStudies.maximizing("adam").ask(), Map.of(), Map.of("optimizer", "adam"));
        TrainingParams.optimizer(adam);

        assertThat(adam.unsampled()).containsKeys("beta_1", "beta_2", "epsilon").doesNotContainKeys("momentum", "rho");
        assertThat(DjlHyperparameters.optimizersReading("momentum")).containsExactly(OptimizerKind.MOMENTUM, OptimizerKind.NESTEROV);
        assertThat(DjlHyperparameters.optimizersReading("rho")).containsExactly(OptimizerKind.RMSPROP);
    }
}
