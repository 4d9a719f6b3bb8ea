package io.tunelab.trainers.djl.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Trial;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.djl.ActivationKind;
import io.tunelab.trainers.djl.Architecture;
import io.tunelab.trainers.djl.CnnArchitecture;
import io.tunelab.trainers.djl.MlpArchitecture;
import io.tunelab.trainers.djl.optimizer.OptimizerKind;
import io.tunelab.trainers.djl.optimizer.OptimizerSpec;
import io.tunelab.trainers.schedule.LearningRateSchedule;
import io.tunelab.trainers.testing.TestStudies;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrialParamsTest {
    private final Study study = TestStudies.maximizing("params");
    private final Trial trial = study.ask();

    @Test
    void sampledValuesComeFromTheTrialAndTheRestFromFixedValuesOrDefaults() {
        TrialParams p = new TrialParams(trial, Map.of("n_neurons", IntDistribution.uniform(16, 64)),
                Map.of("epochs", 3, "batch_norm", "true"));

        int neurons = p.getInt("n_neurons", 100);

        assertThat(neurons).isBetween(16, 64);
        assertThat(trial.params()).containsEntry("n_neurons", neurons);
        assertThat(p.getInt("epochs", 10)).isEqualTo(3);
        assertThat(p.getBoolean("batch_norm", false)).isTrue();
        assertThat(p.getDouble("dropout", 0.25)).isEqualTo(0.25);
        assertThat(p.unsampled()).containsOnlyKeys("epochs", "batch_norm", "dropout");
    }

    @Test
    void aValueTheTrialAlreadyHasIsReadAsItIsAndAParameterItLacksIsFixedOrDefaultedNotSuggested() {
        trial.suggest("n_units_l0", IntDistribution.uniform(4, 8));
        int width = ((Number) trial.params().get("n_units_l0")).intValue();
        TrialParams p = new TrialParams(trial, Map.of(), Map.of("batch_size", 32));

        assertThat(p.isSet("n_units_l0")).isTrue();
        assertThat(p.getInt("n_units_l0", 0)).isEqualTo(width);
        assertThat(p.isSet("n_units_l1")).as("a width the space's condition switched off").isFalse();
        assertThat(p.getDouble("dropout")).as("the default").isZero();
        assertThat(p.getInt("batch_size")).isEqualTo(32);
        assertThat(trial.params()).containsOnlyKeys("n_units_l0");
        assertThat(p.unsampled()).containsOnlyKeys("dropout", "batch_size");
    }

    @Test
    void aValueTheCatalogueDoesNotAdmitFailsTheTrialWithTheCheckTheDryRunMakes() {
        TrialParams p = new TrialParams(trial, Map.of("activation", CategoricalDistribution.of("swish")),
                Map.of("dropout", 1.0, "lr_schedule", "One-Cycle"));

        assertThatThrownBy(() -> p.getString("activation")).isInstanceOf(TrainersException.class)
                .hasMessage("parameter 'activation' must be one of relu, leaky_relu, elu, selu, tanh, gelu, got 'swish'");
        assertThatThrownBy(() -> p.getDouble("dropout")).isInstanceOf(TrainersException.class)
                .hasMessage("parameter 'dropout' must be in [0, 1), got 1");
        assertThat(p.getString("lr_schedule")).isEqualTo("one_cycle");
    }

    @Test
    void aValueOfTheWrongTypeIsReportedWithItsName() {
        TrialParams p = new TrialParams(trial, Map.of(), Map.of("epochs", 2.5, "batch_norm", "maybe"));

        assertThatThrownBy(() -> p.getInt("epochs", 1)).isInstanceOf(TrainersException.class)
                .hasMessage("parameter 'epochs' must be an integer, got 2.5");
        assertThatThrownBy(() -> p.getBoolean("batch_norm", false)).isInstanceOf(TrainersException.class)
                .hasMessage("parameter 'batch_norm' must be true or false, got 'maybe'");
    }

    @Test
    void aParameterCannotBeBothSampledAndFixed() {
        assertThatThrownBy(() -> new TrialParams(trial, Map.of("epochs", IntDistribution.uniform(1, 3)), Map.of("epochs", 2)))
                .isInstanceOf(TrainersException.class).hasMessageContaining("'epochs' is both sampled and fixed");
    }

    @Test
    void perLayerUnitsOverrideTheSharedOne() {
        TrialParams p = new TrialParams(trial, Map.of(), Map.of("n_hidden", 3, "n_neurons", 50, "n_units_l1", 20,
                "activation", "selu", "initializer", "lecun", "model", "wide_deep"));

        Architecture a = ArchitectureParams.read(p, "mlp", new int[] {28, 28}, 10);

        assertThat(a).isInstanceOf(MlpArchitecture.class);
        MlpArchitecture mlp = (MlpArchitecture) a;
        assertThat(mlp.hiddenUnits()).containsExactly(50, 20, 50);
        assertThat(mlp.activation()).isEqualTo(ActivationKind.SELU);
        assertThat(mlp.wideAndDeep()).isTrue();
    }

    @Test
    void aCnnIsReadFromItsOwnParameters() {
        TrialParams p = new TrialParams(trial, Map.of("filters", new CategoricalDistribution(List.of(8, 16))),
                Map.of("conv_blocks", 1, "pooling", "avg"));

        Architecture a = ArchitectureParams.read(p, "cnn", new int[] {28, 28}, 10);

        assertThat(a).isInstanceOf(CnnArchitecture.class);
        assertThat(((CnnArchitecture) a).filters()).isIn(8, 16);
        assertThat(((CnnArchitecture) a).convBlocks()).isEqualTo(1);
    }

    @Test
    void onlyTheChosenOptimizersOwnSettingsAreSampled() {
        TrialParams p = new TrialParams(trial, Map.of("momentum", FloatDistribution.uniform(0.5, 0.99),
                "beta_1", FloatDistribution.uniform(0.8, 0.95)), Map.of("optimizer", "nesterov"));

        OptimizerSpec spec = TrainingParams.optimizer(p);

        assertThat(spec.kind()).isEqualTo(OptimizerKind.NESTEROV);
        assertThat(spec.momentum()).isBetween(0.5, 0.99);
        assertThat(trial.params()).containsKey("momentum").doesNotContainKey("beta_1");
    }

    @Test
    void adamWDefaultsToAWeightDecayOfOneHundredth() {
        TrialParams p = new TrialParams(trial, Map.of(), Map.of("optimizer", "adamw"));
        assertThat(TrainingParams.optimizer(p).weightDecay()).isEqualTo(0.01);
    }

    @Test
    void schedulesAreSizedInEpochsOfSteps() {
        TrialParams p = new TrialParams(trial, Map.of(), Map.of("lr_schedule", "exponential", "lr_decay_epochs", 2,
                "learning_rate", 0.1, "warmup_epochs", 0.5));

        LearningRateSchedule s = TrainingParams.schedule(p, 10, 100);

        assertThat(s.rate(0)).isCloseTo(0.1 / 51, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.rate(200)).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void anUnknownScheduleListsTheKnownOnes() {
        TrialParams p = new TrialParams(trial, Map.of(), Map.of("lr_schedule", "triangular"));
        assertThatThrownBy(() -> TrainingParams.schedule(p, 1, 1)).isInstanceOf(TrainersException.class)
                .hasMessageContaining("one_cycle, cosine, warmup, got 'triangular'");
    }

    @Test
    void choicesMayBeWrittenWithHyphensAndAnyCase() {
        TrialParams p = new TrialParams(trial, Map.of(), Map.of("lr_schedule", "One-Cycle", "learning_rate", 0.1,
                "model", "wide-deep"));

        assertThat(TrainingParams.schedule(p, 1, 100).rate(45)).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(((MlpArchitecture) ArchitectureParams.read(p, "mlp", new int[] {4}, 2)).wideAndDeep()).isTrue();
    }

    @Test
    void theWarmupScheduleRampsUpOverOneEpochByDefault() {
        TrialParams p = new TrialParams(trial, Map.of(), Map.of("lr_schedule", "warmup", "learning_rate", 0.1));

        LearningRateSchedule s = TrainingParams.schedule(p, 3, 10);

        assertThat(s.rate(4)).isCloseTo(0.1 * 5 / 11, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.rate(9)).isLessThan(0.1);
        assertThat(s.rate(10)).isEqualTo(0.1);
    }

    @Test
    void aOneEpochWarmUpRunsAllOfTheFirstEpochBelowTheRateEvenWithOneBatchPerEpoch() {
        TrialParams p = new TrialParams(trial, Map.of(), Map.of("lr_schedule", "cosine", "learning_rate", 0.1,
                "warmup_epochs", 1));

        assertThat(TrainingParams.schedule(p, 3, 1).rate(0)).isLessThan(0.1);
    }

    @Test
    void aWarmUpShorterThanOneStepStillWarmsTheFirstStep() {
        TrialParams p = new TrialParams(trial, Map.of(), Map.of("lr_schedule", "constant", "learning_rate", 0.1,
                "warmup_epochs", 0.01));

        assertThat(TrainingParams.schedule(p, 3, 10).rate(0)).isLessThan(0.1);
    }
}
