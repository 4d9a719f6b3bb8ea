package io.tunelab.bench.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeerComparisonTest {

    private static SamplerBenchmark.Row row(String problem, String sampler, int seed, int trials, double regret) {
        return new SamplerBenchmark.Row(problem, sampler, seed, trials, regret, 0.1);
    }

    @Test
    void eachSamplersMedianAtTheBudgetIsDividedByEachPeersAndCountedAgainstTheBest() {
        List<SamplerBenchmark.Row> rows = List.of(
                row("a", "tpe", 1, 10, 9), row("a", "tpe", 1, 20, 2), row("a", "tpe", 2, 20, 4),   // median 3 at 20
                row("a", "peer-x", 1, 20, 6), row("a", "peer-x", 2, 20, 6),                        // 6
                row("a", "peer-y", 1, 20, 1), row("a", "peer-y", 2, 20, 2),                        // 1.5
                row("b", "tpe", 1, 5, 1), row("b", "peer-x", 1, 5, 2));
        String table = PeerComparison.table(rows, Set.of("peer-x", "peer-y"));
        assertThat(table).containsPattern("a +tpe +0\\.50 +2\\.00\n").containsPattern("b +tpe +0\\.50 +-\n")
                .contains("tpe: median at most the best peer's on 1 of 2 problems");
    }

    @Test
    void withoutPeerRowsThereIsNoTableAndZeroRegretsCompareAsTies() {
        assertThat(PeerComparison.table(List.of(row("a", "tpe", 1, 10, 1)), Set.of("peer-x"))).isEmpty();
        assertThat(PeerComparison.ratio(0, 0)).isEqualTo("1.00");
        assertThat(PeerComparison.ratio(1e-3, 0)).isEqualTo("inf");
    }
}
