package io.tunelab.cli.bench;

import io.tunelab.bench.ShippedScript;
import io.tunelab.bench.peer.OptunaPeer;
import io.tunelab.bench.training.PeerCases;
import io.tunelab.bench.training.TorchPeer;
import io.tunelab.bench.training.TorchPeerBenchmark;
import io.tunelab.cli.error.CliException;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.data.FashionMnist;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tunelab bench peers}: each new DJL trainer's epoch time beside the same network in PyTorch, in one run. */
@Command(name = "peers", mixinStandardHelpOptions = true,
        description = "Trains the residual CNN, GRU, LSTM, Conv1D+GRU and batch-norm MLP with DJL and then the same networks"
                + " with PyTorch from Python (bench/torch_peer.py, /usr/bin/python3) on the same examples, batch size,"
                + " optimizer and threads; ms per epoch of both and their ratio (target <= 1.3).")
public final class BenchPeersCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--cases", defaultValue = "resnet,gru,lstm,conv1d-gru,mlp-bn", split = ",",
            description = "Cases to run (default: ${DEFAULT-VALUE}).")
    List<String> cases;

    @Option(names = "--epochs", defaultValue = "3", description = "Epochs per side; the first is not counted when there"
            + " are more (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--threads", defaultValue = "1", description = "Intra-op threads of both sides (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--images", defaultValue = "10000", description = "Fashion-MNIST training images of resnet"
            + " (default: ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--series", defaultValue = "10000", description = "Synthetic series of the recurrent cases, 70%% training"
            + " (default: ${DEFAULT-VALUE}).")
    int series;

    @Option(names = "--rows", defaultValue = "10000", description = "CSV rows of mlp-bn, 64%% training (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--seed", defaultValue = "42", description = "Data, weights and shuffling seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    DataDirOption data;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Also write the rows as CSV.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (epochs < 1 || threads < 1) {
            throw new CliException("--epochs and --threads must be at least 1, got " + epochs + " and " + threads);
        }
        for (String c : cases) {
            if (!PeerCases.NAMES.contains(c)) {
                throw new CliException("--cases: unknown case '" + c + "', expected some of " + PeerCases.NAMES);
            }
        }
        Path script = ShippedScript.locate("torch_peer.py", Path.of(""), System.getenv("TUNELAB_LAUNCHER"));
        TorchPeer peer = new TorchPeer(script, OptunaPeer.python());
        if (!peer.available()) {
            throw new CliException("bench peers needs " + script + " (run from the project root) and a Python with torch"
                    + " (Debian: apt-get install python3-torch)");
        }
        Path work = Files.createTempDirectory("tunelab-bench-peers-");
        PrintWriter w = spec.commandLine().getOut();
        try {
            List<TorchPeerBenchmark.Case> list;
            try {
                list = PeerCases.build(cases, new PeerCases.Sizes(images, series, rows),
                        () -> data.repository().load(FashionMnist.SPEC), work, seed);
            } catch (TrainersException e) {
                throw new CliException(e.getMessage(), e);
            }
            List<TorchPeerBenchmark.Row> result = TorchPeerBenchmark.run(list, epochs, threads, seed, peer, work, w);
            if (out != null) {
                Files.writeString(out, TorchPeerBenchmark.HEADER + "\n"
                        + result.stream().map(TorchPeerBenchmark.Row::csv).collect(Collectors.joining("\n")) + "\n");
                w.println("wrote " + out);
                w.flush();
            }
        } finally {
            BenchOutput.deleteTree(work);
        }
        return 0;
    }
}
