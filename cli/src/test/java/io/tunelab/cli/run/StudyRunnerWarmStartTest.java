package io.tunelab.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.DefaultWiring;
import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.sampler.WarmStartSampler;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import org.junit.jupiter.api.Test;

class StudyRunnerWarmStartTest {
    private static final String FILE = """
            study: forest-again
            direction: maximize
            metric: accuracy
            sampler: {type: tpe, seed: 3, warm_start: {study: forest}}
            budget: {trials: 3}
            trainer: tribuo-cart
            data: {dataset: synthetic-classification, samples: 100, classes: 2, seed: 1}
            space:
              max_depth: {int: [1, 6]}
            """;

    @Test
    void aStudyFilesWarmStartUsesTheEarlierTrialsThatFitItsDeclaredSpaceFromTheFirstTrial() {
        InMemoryStorage storage = new InMemoryStorage();
        Study earlier = Study.builder("forest").storage(storage).direction(Direction.MAXIMIZE)
                .sampler(new RandomSampler(1)).create();
        earlier.optimize(t -> t.suggestInt("max_depth", 1, 6) / 6.0, OptimizeOptions.trials(4).withParallelism(1));
        earlier.optimize(t -> t.suggestInt("max_depth", 1, 9) / 9.0, OptimizeOptions.trials(2).withParallelism(1));
        StudySpec spec = new StudySpecParser().parse(FILE, "forest-again.yaml");
        DefaultWiring wiring = new DefaultWiring();
        Study study = new StudyRunner(spec, FILE, storage, wiring.trainers(), wiring.devices()).create(false);

        study.ask();

        assertThat(((WarmStartSampler) study.sampler()).prior()).as("prior trials once the first trial has started")
                .hasSize(4);
    }
}
