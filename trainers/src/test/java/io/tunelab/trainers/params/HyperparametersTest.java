package io.tunelab.trainers.params;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.ExponentialDistribution;
import io.tunelab.search.space.FloatDistribution;
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
    void aParameterAcceptsTheDistributionsWhoseValuesItCanRead() {
        Hyperparameter trees = Hyperparameter.integer("n_trees", 100, "trees");
        Hyperparameter fraction = Hyperparameter.real("fraction", 0.5, "share");
        Hyperparameter norm = Hyperparameter.bool("batch_norm", false, "bn");
        Hyperparameter impurity = Hyperparameter.choice("impurity", "gini", "criterion");

        assertThat(trees.accepts(IntDistribution.uniform(3, 30))).isTrue();
        assertThat(trees.accepts(CategoricalDistribution.of(3, 10, 30))).isTrue();
        assertThat(trees.accepts(CategoricalDistribution.of(3, 10.5))).isFalse();
        assertThat(trees.accepts(FloatDistribution.uniform(3, 30))).isFalse();
        assertThat(fraction.accepts(FloatDistribution.uniform(0.2, 0.8))).isTrue();
        assertThat(fraction.accepts(ExponentialDistribution.withScale(0.1))).isTrue();
        assertThat(fraction.accepts(CategoricalDistribution.of(0.2, 0.4, 1))).isTrue();
        assertThat(fraction.accepts(CategoricalDistribution.of(0.2, "all"))).isFalse();
        assertThat(norm.accepts(CategoricalDistribution.of(true, false))).isTrue();
        assertThat(norm.accepts(CategoricalDistribution.of("true", "False"))).isTrue();
        assertThat(norm.accepts(CategoricalDistribution.of("yes", "no"))).isFalse();
        assertThat(impurity.accepts(CategoricalDistribution.of("gini", "entropy"))).isTrue();
        assertThat(impurity.accepts(IntDistribution.uniform(0, 1))).isFalse();
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

    @Test
    void aKerasNameTunelabSpellsOtherwiseIsAnsweredWithTheParameterTheTrainerReadsAndATypoWithTheClosestName() {
        Hyperparameters rnn = Hyperparameters.of(Hyperparameter.integer("rnn_units", 20, "units of every recurrent layer"),
                Hyperparameter.real("dropout", 0, "dropout rate"));

        assertThat(rnn.didYouMean("units")).isEqualTo(" (did you mean 'rnn_units'? Keras's 'units' is 'rnn_units' here:"
                + " units of every recurrent layer)");
        assertThat(catalogue.didYouMean("Units")).contains("did you mean 'n_neurons'? Keras's 'Units' is 'n_neurons'");
        assertThat(rnn.didYouMean("rate")).contains("'dropout'");
        assertThat(rnn.didYouMean("rnn_unit")).isEqualTo(" (did you mean 'rnn_units'?)");
        assertThat(rnn.didYouMean("lr")).isEmpty();
    }
}
