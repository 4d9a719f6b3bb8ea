package io.tunelab.cli.wiring;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
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
}
