package io.tunelab.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TribuoTrainersTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "synthetic-forest.yaml");

    @Test
    void theSyntheticForestExampleTrainsForestsWithTheFileRanges() {
        StudySpec spec = new StudySpecParser().parse(EXAMPLE);
        TribuoTrainers factory = new TribuoTrainers();
        assertThat(factory.handles(spec.trainer().name())).isTrue();
        Study study = Study.builder(spec.study()).direction(spec.directions().get(0)).seed(7).create();
        study.optimize(factory.create(spec), OptimizeOptions.trials(3).withParallelism(1));
        assertThat(study.trials(Set.of(TrialState.COMPLETE))).hasSize(3);
        FrozenTrial best = study.bestTrial();
        assertThat(best.value()).isGreaterThan(0.5);
        assertThat(((Integer) best.params().get("n_trees")) % 10).isZero();
        assertThat(best.userAttrs()).containsKey("test_evaluation");
    }

    @Test
    void aMetricAgainstTheDirectionIsRefused() {
        String yaml = """
                study: s
                direction: maximize
                metric: rmse
                trainer: tribuo-cart
                data: {dataset: synthetic-regression, samples: 200}
                budget: {trials: 1}
                space:
                  max_depth: {int: [2, 4]}
                """;
        StudySpec spec = new StudySpecParser().parse(yaml, "r.yaml");
        assertThatThrownBy(() -> new TribuoTrainers().create(spec)).isInstanceOf(CliException.class)
                .hasMessageContaining("direction").hasMessageContaining("minimized");
    }

    @Test
    void anUnknownDatasetIsNamed() {
        String yaml = """
                study: s
                direction: maximize
                metric: accuracy
                trainer: tribuo-cart
                data: {dataset: mnist-ish}
                budget: {trials: 1}
                space:
                  max_depth: {int: [2, 4]}
                """;
        StudySpec spec = new StudySpecParser().parse(yaml, "r.yaml");
        assertThatThrownBy(() -> new TribuoTrainers().create(spec)).hasMessageContaining("'mnist-ish'");
    }
}
