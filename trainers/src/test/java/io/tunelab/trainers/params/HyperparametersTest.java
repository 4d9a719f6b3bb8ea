package io.tunelab.trainers.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.space.IntDistribution;
import io.tunelab.trainers.TrainersException;
import org.junit.jupiter.api.Test;

class HyperparametersTest {
    private final Hyperparameters catalogue = Hyperparameters.of(
            Hyperparameter.integer("n_neurons", 100, "units"),
            Hyperparameter.derived("n_units_l{i}", Hyperparameter.Kind.INT, "n_neurons", "units of one layer"),
            Hyperparameter.real("weight_decay", 0, "L2").note("adamw: 0.01"),
            Hyperparameter.integer("n_trees", 100, "trees").range(IntDistribution.logUniform(10, 200)));

    @Test
    void aPerLayerEntryMatchesEachLayersNameAndNothingElse() {
        assertThat(catalogue.find("n_units_l0")).map(Hyperparameter::name).contains("n_units_l{i}");
        assertThat(catalogue.find("n_units_l12")).isPresent();
        assertThat(catalogue.find("n_units_l")).isEmpty();
        assertThat(catalogue.find("n_units_lx")).isEmpty();
        assertThat(catalogue.find("n_neuron")).isEmpty();
    }

    @Test
    void defaultsAreReadByNameAndADerivedOneSaysWhereItComesFrom() {
        assertThat(catalogue.defaultOf("n_neurons")).isEqualTo(100);
        assertThatThrownBy(() -> catalogue.defaultOf("n_units_l3")).isInstanceOf(TrainersException.class)
                .hasMessageContaining("n_neurons");
        assertThatThrownBy(() -> catalogue.get("n_layers")).hasMessageContaining("'n_layers'")
                .hasMessageContaining("n_neurons");
    }

    @Test
    void defaultsAreShownAsDocumentationWritesThem() {
        assertThat(catalogue.get("weight_decay").describeDefault()).isEqualTo("0 (adamw: 0.01)");
        assertThat(catalogue.get("n_units_l{i}").describeDefault()).isEqualTo("n_neurons");
        assertThat(Hyperparameter.show(1e-7)).isEqualTo("1e-7");
        assertThat(Hyperparameter.show(0.999)).isEqualTo("0.999");
        assertThat(Hyperparameter.show(100.0)).isEqualTo("100");
    }

    @Test
    void onlyEntriesWithABuiltInRangeHaveOne() {
        assertThat(catalogue.ranges()).containsOnlyKeys("n_trees");
    }

    @Test
    void aDefaultOfTheWrongKindOrANameListedTwiceIsRefused() {
        assertThatThrownBy(() -> new Hyperparameter("depth", Hyperparameter.Kind.INT, 2.5, "", null, "depth"))
                .hasMessageContaining("'depth' is INT but its default is 2.5");
        assertThatThrownBy(() -> Hyperparameters.of(Hyperparameter.integer("a", 1, "a"), Hyperparameter.integer("a", 2, "a")))
                .hasMessageContaining("'a' is listed twice");
    }
}
