package io.tunelab.bench.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.trainers.callback.EpochMetrics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training benchmark on a Fashion-MNIST subset. */
class TrainBenchmarkIT {
    @TempDir
    Path dir;

    @Test
    void trainsTheBookMlpOnASubsetAndWritesOneCsvRowPerEpoch() throws Exception {
        Path csv = dir.resolve("train.csv");
        StringWriter console = new StringWriter();

        List<EpochMetrics> epochs = TrainBenchmark.run(TrainBenchmark.parse("--model", "mlp", "--epochs", "2",
                "--train-limit", "2000", "--out", csv.toString()), new PrintWriter(console));

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("epoch,train_seconds,samples_per_s,val_accuracy");
        assertThat(lines.get(1)).matches("1,\\d+\\.\\d{3},\\d+,0\\.\\d{4}");
        assertThat(epochs).hasSize(2);
        assertThat(epochs.get(1).valAccuracy()).isGreaterThan(0.6);
        assertThat(console.toString())
                .contains("mlp 784-300-100-10 relu on 2000 training and 5000 validation images")
                .contains("s/epoch CPU");
    }
}
