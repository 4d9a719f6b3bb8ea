package io.tunelab.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A DJL study file whose space holds values every trial would fail on is refused by the dry run, naming the value. */
class DjlSpaceChecksTest {

    static StudySpec spec(String trainer, String space) {
        return new StudySpecParser().parse("""
                study: s
                direction: maximize
                metric: val_accuracy
                budget: {trials: 1}
                trainer: %s
                data: fashion-mnist
                space:
                %s
                fit: {epochs: 1}
                """.formatted(trainer, space.indent(2).stripTrailing()), "s.yaml");
    }

    private static void refused(String space, String message) {
        assertThatThrownBy(() -> new DjlTrainers().configuration(spec("djl-mlp", space)))
                .isInstanceOf(CliException.class).hasMessage(message);
    }

    @Test
    void aChoiceTheTrainerHasNoNameForIsRefusedListingTheNamesItHas() {
        refused("activation: {choice: [relu, swish]}", "space.activation: djl-mlp cannot read 'swish' (of choice[relu, swish]):"
                + " 'activation' must be one of relu, leaky_relu, elu, selu, tanh, gelu");
        refused("lr_schedule: {choice: [exponential_decay]}", "space.lr_schedule: djl-mlp cannot read 'exponential_decay'"
                + " (of choice[exponential_decay]): 'lr_schedule' must be one of constant, power, exponential, piecewise,"
                + " plateau, one_cycle, cosine, warmup");
    }

    @Test
    void numbersOutsideWhatTheTrainerAdmitsAreRefusedWhetherChosenOrAtTheEndOfARange() {
        refused("dropout: {choice: [1.0]}", "space.dropout: djl-mlp cannot read 1 (of choice[1.0]): 'dropout' must be in [0, 1)");
        refused("dropout: {float: [0.0, 1.0]}", "space.dropout: djl-mlp cannot read 1 (of float[0.0, 1.0]): 'dropout' must be"
                + " in [0, 1)");
        refused("learning_rate: {choice: [-0.01]}", "space.learning_rate: djl-mlp cannot read -0.01 (of choice[-0.01]):"
                + " 'learning_rate' must be > 0");
        refused("learning_rate: {choice: [0]}", "space.learning_rate: djl-mlp cannot read 0 (of choice[0]): 'learning_rate'"
                + " must be > 0");
        refused("optimizer: {choice: [momentum]}\nmomentum: {choice: [1.5]}", "space.momentum: djl-mlp cannot read 1.5"
                + " (of choice[1.5]): 'momentum' must be in [0, 1)");
    }

    @Test
    void valuesTheTrainerAdmitsPassInAnySpellingItReads() {
        assertThatCode(() -> new DjlTrainers().configuration(spec("djl-mlp", """
                activation: {choice: [relu, Leaky-ReLU]}
                lr_schedule: {choice: [one-cycle, one_cycle]}
                initializer: {choice: [xavier, he]}
                dropout: {float: [0.0, 0.5]}
                learning_rate: {reciprocal: [1e-4, 1e-1]}"""))).doesNotThrowAnyException();
    }

    @Test
    void aParameterOnlyAnotherFamilyReadsIsRefusedNamingTheFamilyThatReadsItAndWhatThisOneReads() {
        assertThatThrownBy(() -> new DjlTrainers().configuration(spec("djl-mlp", "filters: {choice: [16, 32]}")))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("space.filters: djl-mlp never reads 'filters' (only djl-cnn reads it), so it would be"
                        + " ignored; djl-mlp reads model, n_hidden, n_neurons, n_units_l{i}, activation,");
        for (String space : List.of("cell: {choice: [lstm]}", "residual: {choice: [true]}", "conv1d_filters: {int: [0, 8]}")) {
            assertThatThrownBy(() -> new DjlTrainers().configuration(spec("djl-mlp", space))).hasMessageContaining("never reads");
        }
        for (String space : List.of("l1: {float: [0, 0.1]}", "max_norm: {choice: [1.0]}", "alpha_dropout: {choice: [true]}",
                "n_hidden: {int: [1, 2]}", "batch_norm_position: {choice: [after]}")) {
            assertThatThrownBy(() -> new DjlTrainers().configuration(spec("djl-cnn", space)))
                    .hasMessageContaining("djl-cnn never reads").hasMessageContaining("(only djl-mlp and djl-wide-deep read it)");
        }
    }

    @Test
    void anOptimizerParameterIsRefusedOnlyWhenNoOptimizerTheSpaceCanChooseReadsIt() {
        assertThatThrownBy(() -> new DjlTrainers().configuration(spec("djl-mlp",
                "optimizer: {choice: [adam]}\nmomentum: {float: [0.8, 0.99]}"))).isInstanceOf(CliException.class)
                .hasMessage("space.momentum: the optimizer, adam, never reads 'momentum', so it would be ignored; only momentum,"
                        + " nesterov read it: give optimizer one of them, or leave momentum out");
        assertThatThrownBy(() -> new DjlTrainers().configuration(spec("djl-mlp", "rho: {float: [0.8, 0.99]}")))
                .hasMessageStartingWith("space.rho: the optimizer, sgd (the default), never reads 'rho'");
        assertThatThrownBy(() -> new DjlTrainers().configuration(spec("djl-mlp",
                "optimizer: {choice: [adam, nadam]}\nrho: {float: [0.8, 0.99]}")))
                .hasMessageStartingWith("space.rho: none of the optimizers the space can choose (adam, nadam) reads 'rho'");
        assertThatCode(() -> new DjlTrainers().configuration(spec("djl-mlp", """
                optimizer: {choice: [adam, momentum]}
                momentum: {float: [0.8, 0.99], when: {optimizer: momentum}}"""))).doesNotThrowAnyException();
    }

    @Test
    void aWidthForALayerNoTrialHasIsRefusedNamingTheLargestLayerIndexTheSpaceAllows() {
        refused("n_hidden: {int: [1, 2]}\nn_units_l5: {int: [4, 8]}", "space.n_units_l5: djl-mlp reads n_units_l5 only in"
                + " trials with n_hidden > 5, but n_hidden is at most 2 (int[1, 2]), so it would be ignored; the largest layer"
                + " index the space allows is 1 (n_units_l1). Widen n_hidden or leave n_units_l5 out");
        refused("n_units_l2: {int: [4, 8]}", "space.n_units_l2: djl-mlp reads n_units_l2 only in trials with n_hidden > 2,"
                + " but n_hidden is 2 (the default), so it would be ignored; the largest layer index the space allows is 1"
                + " (n_units_l1). Widen n_hidden or leave n_units_l2 out");
        for (String space : List.of("n_hidden: {int: [1, 3]}\nn_units_l{i}: {int: [4, 8], per_layer: n_hidden}",
                "n_hidden: {choice: [1, 3]}\nn_units_l2: {int: [4, 8], when: {n_hidden: 3}}")) {
            assertThatCode(() -> new DjlTrainers().configuration(spec("djl-mlp", space))).as(space).doesNotThrowAnyException();
        }
    }

    @Test
    void aSearchedNNeuronsBesideAWidthForEveryLayerIsRefusedNamingBothAndWhichWins() {
        String message = "space.n_neurons: every hidden layer a trial can have has its own width (n_units_l0 to n_units_l2),"
                + " and a layer's own width wins over n_neurons, so no trial would read n_neurons; leave n_neurons out of the"
                + " space, or leave the per-layer widths out to search one width for every layer";
        refused("n_hidden: {int: [1, 3]}\nn_neurons: {int: [4, 8]}\nn_units_l{i}: {int: [4, 8], per_layer: n_hidden}", message);
        refused("n_neurons: {int: [4, 8]}\nn_units_l0: {int: [4, 8]}\nn_units_l1: {int: [4, 8]}", message
                .replace("n_units_l0 to n_units_l2", "n_units_l0 to n_units_l1"));
    }

    @Test
    void aSearchedNNeuronsPassesWhileSomeTrialHasALayerWithoutItsOwnWidth() {
        for (String space : List.of("n_hidden: {int: [1, 3]}\nn_neurons: {int: [4, 8]}\nn_units_l0: {int: [4, 8]}",
                "n_hidden: {int: [1, 3]}\nn_neurons: {int: [4, 8]}\noptimizer: {choice: [adam, sgd]}\n"
                        + "n_units_l{i}: {int: [4, 8], per_layer: n_hidden, when: {optimizer: adam}}")) {
            assertThatCode(() -> new DjlTrainers().configuration(spec("djl-mlp", space))).as(space).doesNotThrowAnyException();
        }
    }

    @Test
    void theParametersFixedInEveryTrialAreOnlyThoseTheFamilyAndItsOptimizersRead() {
        EffectiveConfiguration mlp = new DjlTrainers().configuration(spec("djl-mlp", "optimizer: {choice: [adam]}"));

        assertThat(mlp.fixed()).extracting(EffectiveConfiguration.Setting::name).contains("n_hidden", "l1", "beta_1", "epsilon")
                .doesNotContain("filters", "cell", "residual", "conv1d_filters", "momentum", "rho");
    }
}
