package io.tunelab.search.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.ExponentialDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Histories;
import io.tunelab.search.trial.TrialState;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GridSamplerTest {

    private static Map<String, Distribution> space() {
        Map<String, Distribution> space = new LinkedHashMap<>();
        space.put("act", CategoricalDistribution.of("relu", "tanh"));
        space.put("layers", IntDistribution.uniform(1, 3));
        return space;
    }

    private static Study study(String name, GridSampler grid) {
        return Study.builder(name).sampler(grid).create();
    }

    private static double objective(io.tunelab.search.trial.Trial trial) {
        String act = trial.suggestCategorical("act", List.of("relu", "tanh"));
        int layers = trial.suggestInt("layers", 1, 3);
        return layers + (act.equals("relu") ? 0 : 10);
    }

    @Test
    void walksTheGridWithTheLastParameterFastestAndStopsWhenEveryPointHasStarted() {
        Study study = study("grid", new GridSampler(space()));

        study.optimize(GridSamplerTest::objective, OptimizeOptions.trials(100).withParallelism(1));

        assertThat(study.trials()).extracting(FrozenTrial::params).containsExactly(
                Map.of("act", "relu", "layers", 1), Map.of("act", "relu", "layers", 2),
                Map.of("act", "relu", "layers", 3), Map.of("act", "tanh", "layers", 1),
                Map.of("act", "tanh", "layers", 2), Map.of("act", "tanh", "layers", 3));
        assertThat(study.trials()).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
    }

    @Test
    void givesTrialNumberNTheGridPointN() {
        GridSampler grid = new GridSampler(space());

        assertThat(grid.size()).isEqualTo(6);
        assertThat(grid.names()).containsExactly("act", "layers");
        assertThat(grid.point(4)).containsExactly(Map.entry("act", "tanh"), Map.entry("layers", 2));
        assertThat(grid.point(6)).isEqualTo(grid.point(0));
        FrozenTrial trial4 = Histories.running(4);
        assertThat(grid.sampleIndependent(Histories.view("g", Direction.MINIMIZE, List.of()), trial4, "layers",
                IntDistribution.uniform(1, 3))).isEqualTo(2.0);
    }

    private static Map<String, List<?>> twoByTwo() {
        Map<String, List<?>> values = new LinkedHashMap<>();
        values.put("a", List.of(1, 2));
        values.put("b", List.of("x", "y"));
        return values;
    }

    private static double twoByTwoObjective(io.tunelab.search.trial.Trial trial) {
        return trial.suggestInt("a", 1, 2) + (trial.suggestCategorical("b", List.of("x", "y")).equals("x") ? 0 : 10);
    }

    private static List<List<Object>> points(Study study) {
        return study.trials().stream().map(t -> List.of(t.params().get("a"), t.params().get("b"))).toList();
    }

    @Test
    void anEnqueuedGridPointRunsOnceAndTheOtherPointsInGridOrder() {
        Study study = study("grid-enqueued", GridSampler.ofValues(twoByTwo()));
        study.enqueueTrial(Map.of("a", 2, "b", "y"));

        study.optimize(GridSamplerTest::twoByTwoObjective, OptimizeOptions.trials(10).withParallelism(1));

        assertThat(points(study)).containsExactly(List.of(2, "y"), List.of(1, "x"), List.of(1, "y"), List.of(2, "x"));
        assertThat(study.trials()).extracting(t -> t.systemAttrs().get(GridSampler.POINT_ATTR))
                .containsExactly(3, 0, 1, 2);
    }

    @Test
    void aStudySwitchedToTheGridRunsTheGridPointsItsEarlierTrialsHaveNotVisited() {
        InMemoryStorage storage = new InMemoryStorage();
        Study random = Study.builder("switched").storage(storage).seed(3).sampler(RandomSampler::new).create();
        random.optimize(GridSamplerTest::twoByTwoObjective, OptimizeOptions.trials(3).withParallelism(1));
        Set<List<Object>> visited = new HashSet<>(points(random));

        Study grid = Study.builder("switched").storage(storage).sampler(GridSampler.ofValues(twoByTwo())).load();
        grid.optimize(GridSamplerTest::twoByTwoObjective, OptimizeOptions.trials(10).withParallelism(1));

        List<List<Object>> gridPoints = points(grid).subList(3, grid.trials().size());
        assertThat(gridPoints).hasSize(4 - visited.size()).doesNotHaveDuplicates().doesNotContainAnyElementsOf(visited);
        assertThat(new HashSet<>(points(grid))).hasSize(4);
    }

    @Test
    void inDeterministicModeAnEnqueuedPointInsideTheWindowIsNotRunTwiceAndTheScheduleChangesNothing() {
        Map<Integer, Map<String, Object>> byNumber = null;
        for (int parallelism : new int[] {1, 4}) {
            Study study = Study.builder("grid-det").seed(5).deterministic(true).sampler(GridSampler.ofValues(twoByTwo()))
                    .create();
            study.enqueueTrial(Map.of("a", 1, "b", "y"));

            study.optimize(GridSamplerTest::twoByTwoObjective, OptimizeOptions.trials(10).withParallelism(parallelism));

            assertThat(points(study)).as("parallelism %d", parallelism).hasSize(4).doesNotHaveDuplicates();
            Map<Integer, Map<String, Object>> params = new TreeMap<>();
            study.trials().forEach(t -> params.put(t.number(), t.params()));
            if (byNumber != null) {
                assertThat(params).as("parallelism %d", parallelism).isEqualTo(byNumber);
            }
            byNumber = params;
        }
    }

    @Test
    void isExhaustedOnceEveryPointHasStarted() {
        Study study = study("grid-ask", new GridSampler(space()));
        for (int i = 0; i < 5; i++) {
            study.ask();
        }
        assertThat(study.sampler().isExhausted(study)).isFalse();
        study.ask();
        assertThat(study.sampler().isExhausted(study)).isTrue();
    }

    @Test
    void walksExplicitlyListedValues() {
        Map<String, List<?>> values = new LinkedHashMap<>();
        values.put("lr", List.of(0.1, 0.01));
        values.put("batch", List.of(32, 64));
        Study study = study("grid-values", GridSampler.ofValues(values));

        study.optimize(t -> t.suggestReciprocal("lr", 1e-3, 1) * t.suggestInt("batch", 16, 128),
                OptimizeOptions.trials(10).withParallelism(1));

        assertThat(study.trials()).extracting(t -> List.of(t.params().get("lr"), t.params().get("batch")))
                .containsExactly(List.of(0.1, 32), List.of(0.1, 64), List.of(0.01, 32), List.of(0.01, 64));
    }

    @Test
    void coversTheWholeGridWhenRunInParallel() {
        Study study = study("grid-parallel", new GridSampler(space()));

        study.optimize(GridSamplerTest::objective, OptimizeOptions.trials(100).withParallelism(2));

        Set<Map<String, Object>> seen = new HashSet<>();
        study.trials().forEach(t -> seen.add(t.params()));
        assertThat(seen).hasSize(6);
        assertThat(study.trials()).hasSize(6);
    }

    @Test
    void rejectsAContinuousFloatNamingIt() {
        Map<String, Distribution> space = new LinkedHashMap<>(space());
        space.put("lr", FloatDistribution.logUniform(1e-4, 1e-1));

        assertThatThrownBy(() -> new GridSampler(space))
                .isInstanceOf(SamplerException.class)
                .hasMessage("parameter 'lr': a grid needs a finite set of values, but float[1.0E-4, 0.1] log is"
                        + " continuous; give it a step or list its values");
    }

    @Test
    void rejectsAnExponentialNamingIt() {
        Map<String, Distribution> space = new LinkedHashMap<>(space());
        space.put("gamma", ExponentialDistribution.withScale(0.5));

        assertThatThrownBy(() -> new GridSampler(space))
                .isInstanceOf(SamplerException.class)
                .hasMessage("parameter 'gamma': a grid needs a finite set of values, but expon(scale=0.5) is"
                        + " continuous and unbounded; list its values instead");
    }

    @Test
    void failsATrialThatSuggestsAParameterOutsideTheGridNamingIt() {
        Study study = study("grid-outside", new GridSampler(space()));

        study.optimize(t -> objective(t) + t.suggestFloat("dropout", 0, 0.5),
                OptimizeOptions.trials(1).withParallelism(1));

        FrozenTrial trial = study.trials().get(0);
        assertThat(trial.state()).isEqualTo(TrialState.FAIL);
        assertThat(trial.message()).contains("parameter 'dropout' is not in the grid [act, layers]");
    }

    @Test
    void rejectsAGridValueOutsideTheSuggestedDistributionNamingParameterAndValue() {
        GridSampler grid = GridSampler.ofValues(Map.of("units", List.of(8, 1024)));

        assertThatThrownBy(() -> grid.sampleIndependent(Histories.view("g", Direction.MINIMIZE, List.of()),
                Histories.running(1), "units", IntDistribution.uniform(8, 512)))
                .isInstanceOf(SamplerException.class)
                .hasMessage("parameter 'units': grid value 1024 is not in int[8, 512]");
    }

    @Test
    void rejectsEmptyGridsAndAxes() {
        assertThatThrownBy(() -> new GridSampler(Map.of())).hasMessageContaining("at least one parameter");
        assertThatThrownBy(() -> GridSampler.ofValues(Map.of("units", List.of())))
                .hasMessageContaining("parameter 'units'");
        assertThatThrownBy(() -> new GridSampler(Map.of("n", IntDistribution.uniform(0, 2_000_000_000))))
                .hasMessageContaining("parameter 'n'").hasMessageContaining("larger step");
    }

    @Test
    void describesItsGrid() {
        assertThat(new GridSampler(space()).describe()).containsEntry("type", "grid")
                .containsEntry("grid", Map.of("act", List.of("relu", "tanh"), "layers", List.of(1, 2, 3)));
    }
}
