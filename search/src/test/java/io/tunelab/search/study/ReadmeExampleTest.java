package io.tunelab.search.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.pruner.MedianPruner;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.RangeOptions;
import io.tunelab.search.trial.TrialPrunedException;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java example of the README, kept compiling and working. */
class ReadmeExampleTest {

    /** A made-up training curve: better with ~2 layers, lr near 3e-3 and elu. */
    static double trainOneEpoch(List<Integer> units, double lr, String activation, int epoch) {
        double quality = 0.9 - 0.05 * Math.abs(units.size() - 2) - 0.05 * Math.abs(Math.log10(lr / 3e-3))
                + (activation.equals("elu") ? 0.01 : 0);
        return quality * (1 - Math.exp(-(epoch + 1) / 3.0));
    }

    @Test
    void theReadmeStudyRunsPrunesAndFindsABestTrial() {
        Study study = Study.builder("mlp-search")
                .direction(Direction.MAXIMIZE)
                .seed(42)
                .pruner(new MedianPruner())
                .createOrLoad();

        study.optimize(trial -> {
            int layers = trial.suggestInt("n_hidden", 0, 3);
            List<Integer> units = new ArrayList<>();
            for (int i = 0; i < layers; i++) {
                units.add(trial.suggestInt("n_units_l" + i, 16, 512, RangeOptions.log()));
            }
            double lr = trial.suggestReciprocal("learning_rate", 3e-4, 3e-2);
            String activation = trial.suggestCategorical("activation", List.of("relu", "elu", "selu"));
            double accuracy = 0;
            for (int epoch = 0; epoch < 20; epoch++) {
                accuracy = trainOneEpoch(units, lr, activation, epoch);
                trial.log("val_accuracy", epoch, accuracy);
                trial.report(epoch, accuracy);
                if (trial.shouldPrune()) {
                    throw new TrialPrunedException();
                }
            }
            return accuracy;
        }, OptimizeOptions.trials(50).withParallelism(2));

        FrozenTrial best = study.bestTrial();
        assertThat(study.trials()).hasSize(50);
        assertThat(study.trials(java.util.Set.of(TrialState.PRUNED))).isNotEmpty();
        assertThat(best.value()).isGreaterThan(0.8);
        assertThat(study.storage().metrics(best.id(), "val_accuracy")).hasSize(20);
    }
}
