package io.tunelab.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.wiring.EffectiveConfiguration.Setting;
import io.tunelab.cli.wiring.EffectiveConfiguration.Source;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import io.tunelab.trainers.params.Hyperparameter;
import io.tunelab.trainers.params.Hyperparameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EffectiveConfigurationTest {
    private static final Hyperparameters FOREST = Hyperparameters.of(
            Hyperparameter.integer("n_trees", 100, "trees").range(IntDistribution.logUniform(10, 200)),
            Hyperparameter.integer("max_depth", 6, "depth").range(IntDistribution.uniform(2, 20)),
            Hyperparameter.real("fraction", 0.5, "share").range(FloatDistribution.uniform(0.2, 0.9)),
            Hyperparameter.choice("impurity", "gini", "criterion").range(CategoricalDistribution.of("gini", "entropy")));
    private static final Hyperparameters NETWORK = Hyperparameters.of(
            Hyperparameter.derived("model", Hyperparameter.Kind.CHOICE, "the trainer's", "family"),
            Hyperparameter.integer("n_hidden", 2, "layers"),
            Hyperparameter.derived("n_units_l{i}", Hyperparameter.Kind.INT, "n_neurons", "units of one layer"),
            Hyperparameter.integer("epochs", 10, "epochs"),
            Hyperparameter.integer("batch_size", 32, "batch"));

    private static StudySpec spec(String sampler, String space) {
        return new StudySpecParser().parse("""
                study: s
                direction: minimize
                metric: rmse
                sampler: %s
                budget: {trials: 3}
                trainer: tribuo-random-forest
                data: {dataset: d}
                space:
                %s
                """.formatted(sampler, space.indent(2).stripTrailing()), "s.yaml");
    }

    @Test
    void theSpaceIsSearchedAndEveryOtherParameterIsAtItsDefault() {
        EffectiveConfiguration c = EffectiveConfiguration.resolve("forest", FOREST,
                spec("random", "n_trees: {choice: [3, 10, 30]}\nfraction: {choice: [0.2, 0.4]}"), Map.of(), Map.of());

        assertThat(c.searchSpace()).containsOnlyKeys("n_trees", "fraction");
        assertThat(c.searched()).extracting(Setting::source).containsOnly(Source.SPACE);
        assertThat(c.fixed()).containsExactly(new Setting("max_depth", Source.DEFAULT, null, "6"),
                new Setting("impurity", Source.DEFAULT, null, "gini"));
    }

    @Test
    void includeDefaultsSearchesTheBuiltInRangesOfTheParametersTheSpaceDoesNotName() {
        EffectiveConfiguration c = EffectiveConfiguration.resolve("forest", FOREST,
                spec("random", "include: defaults\nn_trees: {int: [3, 5]}"), Map.of(), Map.of());

        assertThat(c.searchSpace()).containsExactly(Map.entry("n_trees", IntDistribution.uniform(3, 5)),
                Map.entry("max_depth", IntDistribution.uniform(2, 20)), Map.entry("fraction", FloatDistribution.uniform(0.2, 0.9)),
                Map.entry("impurity", CategoricalDistribution.of("gini", "entropy")));
        assertThat(c.searched()).extracting(Setting::source)
                .containsExactly(Source.SPACE, Source.BUILT_IN, Source.BUILT_IN, Source.BUILT_IN);
        assertThat(c.fixed()).isEmpty();
    }

    @Test
    void valuesTheFileOrTheTrainerFixesComeFromThemAndPerLayerParametersCountAsNamed() {
        EffectiveConfiguration c = EffectiveConfiguration.resolve("mlp", NETWORK,
                spec("random", "n_hidden: {int: [1, 2]}\nn_units_l{i}: {int: [8, 64], per_layer: n_hidden}\nbatch_size: {choice: [16]}"),
                Map.of("epochs", 3, "batch_size", 64), Map.of("model", "mlp"));

        assertThat(c.searchSpace()).containsOnlyKeys("n_hidden", "n_units_l0", "n_units_l1", "batch_size");
        assertThat(c.fixed()).containsExactly(new Setting("model", Source.TRAINER, null, "mlp"),
                new Setting("epochs", Source.FILE, null, "3"));
    }

    @Test
    void aParameterTheTrainerDoesNotReadIsRefusedWithASuggestion() {
        assertThatThrownBy(() -> EffectiveConfiguration.resolve("forest", FOREST,
                spec("random", "n_tree: {int: [3, 5]}"), Map.of(), Map.of()))
                .isInstanceOf(CliException.class)
                .hasMessage("space.n_tree: forest has no parameter 'n_tree' (did you mean 'n_trees'?); it reads n_trees,"
                        + " max_depth, fraction, impurity");
    }

    @Test
    void valuesTheTrainerCannotReadAreRefused() {
        assertThatThrownBy(() -> EffectiveConfiguration.resolve("forest", FOREST,
                spec("random", "max_depth: {choice: [deep, shallow]}"), Map.of(), Map.of()))
                .hasMessage("space.max_depth: forest reads 'max_depth' as an integer (default 6), but"
                        + " choice[deep, shallow] has other values");
        assertThatThrownBy(() -> EffectiveConfiguration.resolve("forest", FOREST,
                spec("random", "n_trees: {float: [3, 5]}"), Map.of(), Map.of()))
                .hasMessageContaining("space.n_trees: forest reads 'n_trees' as an integer");
    }

    @Test
    void includeDefaultsNeedsBuiltInRangesAndTheGridSamplerNeedsThemFinite() {
        assertThatThrownBy(() -> EffectiveConfiguration.resolve("mlp", NETWORK,
                spec("random", "include: defaults"), Map.of(), Map.of()))
                .hasMessage("space.include: mlp has no built-in ranges; name each parameter to search in the space"
                        + " instead of include: defaults");
        assertThatThrownBy(() -> EffectiveConfiguration.resolve("forest", FOREST,
                spec("grid", "include: defaults\nn_trees: {choice: [3, 10]}"), Map.of(), Map.of()))
                .hasMessage("space.include: the grid sampler needs a finite set of values for every searched parameter,"
                        + " but forest's built-in range of 'fraction' is float[0.2, 0.9]; name fraction in the space"
                        + " with a choice or a step");
        EffectiveConfiguration finite = EffectiveConfiguration.resolve("forest", FOREST,
                spec("grid", "include: defaults\nfraction: {choice: [0.5]}"), Map.of(), Map.of());
        assertThat(finite.searchSpace()).containsOnlyKeys("fraction", "n_trees", "max_depth", "impurity");
    }
}
