package io.tunelab.bench.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.trainers.TrainersException;
import org.junit.jupiter.api.Test;

class TrainBenchmarkTest {
    @Test
    void optionsAreCheckedWithMessagesNamingTheOption() {
        assertThatThrownBy(() -> TrainBenchmark.parse("--model", "resnet")).isInstanceOf(TrainersException.class)
                .hasMessage("--model must be mlp or cnn, got 'resnet'");
        assertThatThrownBy(() -> TrainBenchmark.parse("--epochs", "five")).isInstanceOf(TrainersException.class)
                .hasMessage("option --epochs needs a number, got 'five'");
        assertThatThrownBy(() -> TrainBenchmark.parse("--epochs")).isInstanceOf(TrainersException.class)
                .hasMessage("option --epochs needs a value");
        assertThatThrownBy(() -> TrainBenchmark.parse("--gpus", "2")).isInstanceOf(TrainersException.class)
                .hasMessageStartingWith("unknown option --gpus");
    }

    @Test
    void defaultsAreTheBookSettings() {
        TrainBenchmark.Options o = TrainBenchmark.parse();
        assertThat(o.model()).isEqualTo("mlp");
        assertThat(o.epochs()).isEqualTo(5);
        assertThat(o.threads()).isEqualTo(1);
        assertThat(o.trainAccuracy()).isFalse();
    }
}
