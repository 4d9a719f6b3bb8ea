package io.tunelab.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.DefaultWiring;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.spec.StudySpecParser;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A study file is seeded (seed 0 when it names none), so, like a seeded study builder, it is reproducible by default. */
class StudyRunnerDeterminismTest {
    private static final String FILE = """
            study: seeded
            direction: maximize
            metric: accuracy
            sampler: {type: tpe, seed: 5%s}
            budget: {trials: 14}
            parallel: {workers: %d, devices: cpu}
            trainer: tribuo-cart
            data: {dataset: synthetic-classification, samples: 100, classes: 2, seed: 1}
            space:
              max_depth: {int: [1, 6]}
            """;

    @Test
    void aFileThatDoesNotSayRunsInDeterministicModeOnSeveralWorkersAndSequentiallyOnOne() {
        assertThat(study("", 2).deterministicWindow()).isEqualTo(4);
        assertThat(study("", 6).deterministicWindow()).as("one slot per worker in the window").isEqualTo(6);
        assertThat(study("", 1).deterministicWindow()).isZero();
    }

    @Test
    void deterministicFalseInTheFileTurnsItOffOnSeveralWorkers() {
        assertThat(study(", deterministic: false", 2).deterministicWindow()).isZero();
        assertThat(study(", deterministic: true", 1).deterministicWindow()).isEqualTo(4);
    }

    @Test
    void theSameFileOnTwoWorkersGivesTheParametersPerTrialNumberOfADeterministicRunOnOne() {
        Map<Integer, Map<String, Object>> twoWorkers = paramsByNumber("", 2);

        assertThat(twoWorkers).isEqualTo(paramsByNumber(", deterministic: true", 1));
        assertThat(twoWorkers).isEqualTo(paramsByNumber("", 2));
    }

    /** TPE past its ten start-up trials on an objective of the parameter and the trial number, on {@code workers} threads. */
    private static Map<Integer, Map<String, Object>> paramsByNumber(String deterministic, int workers) {
        Study study = study(deterministic, workers);
        study.optimize(t -> t.suggestInt("max_depth", 1, 6) + t.number() % 3 * 0.1,
                OptimizeOptions.trials(14).withParallelism(workers));
        Map<Integer, Map<String, Object>> params = new TreeMap<>();
        for (FrozenTrial t : study.trials()) {
            params.put(t.number(), t.params());
        }
        return params;
    }

    private static Study study(String deterministic, int workers) {
        String text = FILE.formatted(deterministic, workers);
        DefaultWiring wiring = new DefaultWiring();
        return new StudyRunner(new StudySpecParser().parse(text, "seeded.yaml"), text, new InMemoryStorage(), wiring.trainers(),
                wiring.devices()).create(workers > 1);
    }
}
