package io.tunelab.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.DefaultWiring;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.spec.SpecCatalog;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import java.util.List;

/** Every trainer name study files may use (the spec catalogue's list), run for one trial through the real wiring. */
final class ListedTrainers {
    private ListedTrainers() {
    }

    /** The listed trainer names starting with {@code prefix}. */
    static List<String> named(String prefix) {
        return SpecCatalog.defaults().trainers().stream().filter(n -> n.startsWith(prefix)).toList();
    }

    /** Runs one trial of {@code trainer} on the data and space of {@code rest} (YAML) and returns it. */
    static FrozenTrial oneTrial(String trainer, String rest) {
        StudySpec spec = new StudySpecParser().parse("""
                study: listed
                direction: maximize
                sampler: {type: random, seed: 2}
                budget: {trials: 1}
                trainer: %s
                %s""".formatted(trainer, rest), trainer + ".yaml");
        TrainerFactory factory = new DefaultWiring().trainers().stream().filter(f -> f.handles(trainer)).findFirst()
                .orElseThrow(() -> new AssertionError("no trainer factory handles the listed trainer " + trainer));
        Study study = Study.builder("listed-" + trainer).direction(spec.directions().get(0)).seed(2).create();
        study.optimize(factory.create(spec), OptimizeOptions.trials(1).withParallelism(1));
        FrozenTrial trial = study.trials().get(0);
        assertThat(trial.state().name()).as("%s: %s", trainer, trial.userAttrs()).isEqualTo("COMPLETE");
        return trial;
    }
}
