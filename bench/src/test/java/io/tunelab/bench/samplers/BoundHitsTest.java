package io.tunelab.bench.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoundHitsTest {
    private static final ContinuousProblem BOX = new ContinuousProblem("box", new double[] {-1, 0}, new double[] {1, 5}, 0,
            20, x -> 0);

    @Test
    void theShareCountsTheProposalsAfterTheStartUpWithACoordinateOnEitherBound() {
        BoundHits hits = new BoundHits(BOX);
        for (int i = 0; i < BoundHits.SKIPPED; i++) {
            hits.record(new double[] {-1, 5}); // start-up: not counted
        }
        hits.record(new double[] {0, 2});   // inside
        hits.record(new double[] {-1, 2});  // lower bound of x0
        hits.record(new double[] {0.5, 5}); // upper bound of x1
        hits.record(new double[] {0.999, 0.001});
        assertThat(hits.shareAfterStartUp(BoundHits.SKIPPED)).isNaN();
        assertThat(hits.shareAfterStartUp(11)).isZero();
        assertThat(hits.shareAfterStartUp(13)).isEqualTo(2.0 / 3);
        assertThat(hits.shareAfterStartUp(14)).isEqualTo(0.5);
        assertThatThrownBy(() -> hits.shareAfterStartUp(15)).hasMessageContaining("only 14 trials recorded, asked for 15");
    }

    @Test
    void theTableGivesTheMedianShareAtTheBudgetPerProblemAndSamplerAndNothingWithoutBoxes() {
        List<SamplerBenchmark.Row> rows = List.of(
                new SamplerBenchmark.Row("box", "gp", 1, 10, 1, 0.1, Double.NaN),
                new SamplerBenchmark.Row("box", "gp", 1, 20, 1, 0.1, 0.5),
                new SamplerBenchmark.Row("box", "gp", 2, 20, 1, 0.1, 0.1),
                new SamplerBenchmark.Row("box", "gp", 3, 20, 1, 0.1, 0.2),
                new SamplerBenchmark.Row("box", "peer", 1, 20, 1, 0.1, 0),
                new SamplerBenchmark.Row("mixed", "gp", 1, 20, 1, 0.1));
        String table = BoundShareTable.of(rows);
        assertThat(table).contains("on a bound of the box").containsPattern("box +20% +0%\\n").doesNotContain("mixed");
        assertThat(BoundShareTable.of(List.of(rows.get(0), rows.get(5)))).isEmpty();
    }
}
