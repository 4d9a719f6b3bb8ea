package io.tunelab.search.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.RangeOptions;
import io.tunelab.search.trial.Trial;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A grid over a conditional space runs each distinct configuration once. */
class ConditionalGridTest {
    /** max_depth, impurity, and fraction only with entropy: 12 points in the product, 9 configurations. */
    private static Map<String, Distribution> space() {
        Map<String, Distribution> space = new LinkedHashMap<>();
        space.put("max_depth", IntDistribution.uniform(2, 4));
        space.put("impurity", CategoricalDistribution.of("gini", "entropy"));
        space.put("fraction", FloatDistribution.stepped(0.5, 1.0, 0.5));
        return space;
    }

    private static Map<String, Object> configuration(Map<String, Object> point) {
        Map<String, Object> used = new LinkedHashMap<>(point);
        if (!"entropy".equals(point.get("impurity"))) {
            used.remove("fraction");
        }
        return used;
    }

    private static double objective(Trial trial) {
        int depth = trial.suggestInt("max_depth", 2, 4);
        String impurity = trial.suggestCategorical("impurity", List.of("gini", "entropy"));
        double fraction = impurity.equals("entropy") ? trial.suggestFloat("fraction", 0.5, 1.0, RangeOptions.step(0.5)) : 0;
        return depth + fraction;
    }

    @Test
    void pointsDifferingOnlyInASwitchedOffParameterAreOnePoint() {
        GridSampler grid = new GridSampler(space(), ConditionalGridTest::configuration);

        assertThat(grid.size()).isEqualTo(9);
        assertThat(grid.point(0)).containsEntry("impurity", "gini").containsEntry("max_depth", 2);
        assertThat(grid.point(1)).containsEntry("impurity", "entropy").containsEntry("fraction", 0.5);
        assertThat(grid.point(3)).containsEntry("impurity", "gini").containsEntry("max_depth", 3);
    }

    @Test
    void theStudyRunsEachConfigurationOnceAndThenStops() {
        Study study = Study.builder("grid").sampler(new GridSampler(space(), ConditionalGridTest::configuration)).create();

        study.optimize(ConditionalGridTest::objective, OptimizeOptions.trials(20));

        assertThat(study.trials()).hasSize(9);
        assertThat(study.trials()).extracting(FrozenTrial::params).doesNotHaveDuplicates();
    }

    @Test
    void parallelTrialsInDeterministicModeTakeTheSameConfigurationsAsSequentialOnes() {
        Map<Integer, Map<String, Object>> sequential = run(1);

        assertThat(run(4)).isEqualTo(sequential);
        assertThat(sequential.values()).doesNotHaveDuplicates().hasSize(9);
    }

    private static Map<Integer, Map<String, Object>> run(int parallelism) {
        Study study = Study.builder("grid").deterministic(true)
                .sampler(new GridSampler(space(), ConditionalGridTest::configuration)).create();
        study.optimize(ConditionalGridTest::objective, OptimizeOptions.trials(20).withParallelism(parallelism));
        Map<Integer, Map<String, Object>> out = new TreeMap<>();
        study.trials().forEach(t -> out.put(t.number(), t.params()));
        return out;
    }
}
