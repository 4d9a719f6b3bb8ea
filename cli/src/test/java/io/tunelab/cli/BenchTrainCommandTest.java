package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchTrainCommandTest {

    private static String run(int expectedCode, String... args) {
        CommandLine cmd = TunelabCommand.commandLine();
        StringWriter out = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(out));
        assertThat(cmd.execute(args)).as("exit code of tunelab %s: %s", String.join(" ", args), out).isEqualTo(expectedCode);
        return out.toString();
    }

    @Test
    void benchTrainWritesTheContractCsvWithOneRowPerEpoch(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("train.csv");
        String out = run(0, "bench", "train", "--model", "mlp", "--epochs", "1", "--train-limit", "1000",
                "--out", csv.toString());
        assertThat(out).contains("epoch 1:").contains("s/epoch CPU").contains("wrote " + csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("epoch,train_seconds,samples_per_s,val_accuracy");
        assertThat(lines.get(1)).startsWith("1,");
    }

    @Test
    void anUnknownModelIsInvalidInput() {
        assertThat(run(2, "bench", "train", "--model", "resnet")).contains("--model must be mlp or cnn, got 'resnet'");
    }

    @Test
    void helpListsTheTrainSubcommand() {
        assertThat(run(0, "bench", "--help")).contains("train");
    }
}
