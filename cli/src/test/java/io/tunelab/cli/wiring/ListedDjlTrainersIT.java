package io.tunelab.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.trial.FrozenTrial;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each listed djl-* trainer trains one one-epoch trial on a few hundred Fashion-MNIST images. */
class ListedDjlTrainersIT {

    static Stream<String> djlTrainers() {
        return ListedTrainers.named("djl-").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("djlTrainers")
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void runsOneTrial(String trainer) {
        FrozenTrial trial = ListedTrainers.oneTrial(trainer, """
                metric: val_accuracy
                data: {dataset: fashion-mnist, subset: 300}
                space:
                  learning_rate: {reciprocal: [1e-3, 1e-2]}
                fit: {epochs: 1, batch_size: 32}
                """);
        assertThat(trial.value()).isBetween(0.0, 1.0);
    }
}
