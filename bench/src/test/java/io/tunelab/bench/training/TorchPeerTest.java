package io.tunelab.bench.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.djl.optimizer.OptimizerKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The PyTorch peer's plumbing on tiny data: one small epoch per case when a Python with torch exists. */
@Timeout(600)
class TorchPeerTest {
    @TempDir
    Path dir;

    @Test
    void eachCaseRunsOneSmallEpochOnBothSidesAndReportsTheirRatio() throws Exception {
        TorchPeer peer = TorchPeer.shipped();
        assumeThat(peer.available()).as("bench/torch_peer.py and a python3 with torch (Debian: python3-torch)").isTrue();
        List<TorchPeerBenchmark.Case> cases = PeerCases.build(PeerCases.NAMES, new PeerCases.Sizes(64, 20, 100),
                () -> TinyImages.splits(64, 8, 0, 1), dir, 5);
        java.io.StringWriter console = new java.io.StringWriter();

        List<TorchPeerBenchmark.Row> rows = TorchPeerBenchmark.run(cases, 1, 1, 5, peer, dir,
                new java.io.PrintWriter(console));

        assertThat(rows).extracting(r -> r.run().name()).containsExactlyElementsOf(PeerCases.NAMES);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.djl().seconds()).hasSize(1);
            assertThat(r.torch().seconds()).hasSize(1);
            assertThat(r.ratio()).isPositive().isFinite();
            assertThat(r.cpuRatio()).isPositive().isFinite();
            assertThat(r.peer()).startsWith("torch-");
        });
        assertThat(rows.get(0).run().data().train().size()).isEqualTo(64);
        assertThat(rows.get(1).run().data().train().size()).isEqualTo(14);
        assertThat(rows.get(3).run().architecture().describe()).contains("conv1d 20x4/2 + gru 20-20");
        assertThat(rows.get(4).run().architecture().describe()).contains("bn");
        assertThat(console.toString()).contains("case").contains("ratio").contains("conv1d-gru").contains("mlp-bn");
        assertThat(rows.get(2).csv()).startsWith("lstm,\"rnn lstm 20-20 -> 1\",14,1,");
    }

    @Test
    void aPeerThatFailsIsReportedWithTheEpochsItManaged() throws Exception {
        Path script = Files.writeString(dir.resolve("broken.py"), "import sys\nprint('{\"peer\": \"broken\"}')\nsys.exit(3)\n");
        TorchPeer peer = new TorchPeer(script, io.tunelab.bench.peer.OptunaPeer.python());
        DatasetSplits data = TinyImages.splits(4, 0, 0, 1);
        TorchPeerBenchmark.Case c = PeerCases.build(List.of("resnet"), new PeerCases.Sizes(4, 20, 100), () -> data, dir, 1)
                .get(0);
        assertThat(c.optimizer()).isEqualTo(OptimizerKind.ADAM);

        assertThatThrownBy(() -> peer.train(c.architecture(), data.train(), new TorchPeer.Settings("adam", 1e-3, 2, 1, 1, 1, false),
                dir.resolve("work"))).isInstanceOf(TrainersException.class).hasMessageContaining("exited with 3 after 0 of 1 epochs");
    }

    @Test
    void theSteadyEpochTimeLeavesOutTheFirstEpochWhenThereAreMore() {
        assertThat(TorchPeerBenchmark.steadyMean(List.of(9.0, 1.0, 3.0))).isEqualTo(2.0);
        assertThat(TorchPeerBenchmark.steadyMean(List.of(9.0))).isEqualTo(9.0);
        assertThatThrownBy(() -> PeerCases.build(List.of("transformer"), new PeerCases.Sizes(4, 20, 100), () -> null, dir, 1))
                .isInstanceOf(TrainersException.class).hasMessageContaining("unknown case 'transformer'");
        assertThatThrownBy(() -> new TorchPeer.Settings("rmsprop", 1e-3, 2, 1, 1, 1, false))
                .isInstanceOf(TrainersException.class).hasMessageContaining("adam or sgd, got 'rmsprop'");
    }
}
