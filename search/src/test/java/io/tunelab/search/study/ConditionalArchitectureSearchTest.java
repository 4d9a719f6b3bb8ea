package io.tunelab.search.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.RangeOptions;
import io.tunelab.search.trial.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's example: a conditional architecture (n_hidden in 0..3, then units for each layer)
 * and a reciprocal learning rate, searched define-by-run.
 */
class ConditionalArchitectureSearchTest {

    /** A stand-in for validation loss: best with 2 layers of ~128 and ~64 units and lr = 3e-3. */
    static double validationLoss(Trial trial) {
        int layers = trial.suggestInt("n_hidden", 0, 3);
        List<Integer> units = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            units.add(trial.suggestInt("n_units_l" + i, 16, 512, RangeOptions.log()));
        }
        double lr = trial.suggestReciprocal("learning_rate", 3e-4, 3e-2);
        double loss = 0.1 + 0.3 * Math.abs(layers - 2) + Math.pow(Math.log10(lr / 3e-3), 2);
        int[] ideal = {128, 64, 32};
        for (int i = 0; i < layers; i++) {
            loss += 0.05 * Math.pow(Math.log(units.get(i) / (double) ideal[i]) / Math.log(2), 2);
        }
        return loss;
    }

    @Test
    void searchBeatsTheDefaultTrialAndOnlySuggestsLayersThatExist() {
        Study study = Study.builder("arch").direction(Direction.MINIMIZE).seed(3).create();
        study.enqueueTrial(Map.of("n_hidden", 1, "n_units_l0", 32, "learning_rate", 1e-3));
        study.optimize(ConditionalArchitectureSearchTest::validationLoss, OptimizeOptions.trials(200).withParallelism(2));

        double defaultLoss = study.trials().get(0).value();
        FrozenTrial best = study.bestTrial();
        assertThat(best.value()).isLessThan(defaultLoss);
        assertThat(best.value()).isLessThan(0.6);
        for (FrozenTrial t : study.trials()) {
            int layers = (Integer) t.params().get("n_hidden");
            for (int i = 0; i < 3; i++) {
                assertThat(t.params().containsKey("n_units_l" + i)).isEqualTo(i < layers);
            }
        }
    }
}
