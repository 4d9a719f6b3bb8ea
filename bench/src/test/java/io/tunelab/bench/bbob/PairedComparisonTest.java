package io.tunelab.bench.bbob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.SearchException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {

    private static BbobBenchmark.Row row(int function, int dim, String sampler, long seed, double regret) {
        return new BbobBenchmark.Row(function, dim, (int) (seed % 1000), sampler, 100, regret, regret, 1, seed);
    }

    /** Function 1: the variant better on seeds 1 and 2, worse on 1001; function 2: tied on 1, worse on 2 and 1001. */
    private static List<BbobBenchmark.Row> rows() {
        List<BbobBenchmark.Row> rows = new ArrayList<>();
        double[][] base = {{4, 5, 6}, {1, 2, 3}};
        double[][] variant = {{3, 4, 7}, {1, 3, 4}};
        long[] seeds = {1, 2, 1001};
        for (int f = 0; f < 2; f++) {
            for (int k = 0; k < 3; k++) {
                rows.add(row(f + 1, 5, "base", seeds[k], base[f][k]));
                rows.add(row(f + 1, 5, "variant", seeds[k], variant[f][k]));
            }
        }
        return rows;
    }

    @Test
    void runsArePairedByFunctionInstanceAndSeedAndMediansComparedPerFunction() {
        Map<String, PairedComparison.Counts> counts = PairedComparison.counts(rows(), "base").get(5);
        // f1 medians 4 < 5, f2 medians 3 > 2; runs: f1 better, better, worse; f2 tied, worse, worse
        assertThat(counts).containsOnlyKeys("variant");
        assertThat(counts.get("variant")).isEqualTo(new PairedComparison.Counts(1, 1, 0, 2, 3, 1));
    }

    @Test
    void aRunWithoutItsPairIsLeftOut() {
        List<BbobBenchmark.Row> rows = new ArrayList<>(rows());
        rows.add(row(1, 5, "variant", 2001, 0.0));
        rows.add(row(3, 5, "variant", 1, 0.0));
        assertThat(PairedComparison.counts(rows, "base").get(5).get("variant"))
                .isEqualTo(new PairedComparison.Counts(1, 1, 0, 2, 3, 1));
    }

    @Test
    void theTablePrintsTheCountsPerDimension() {
        assertThat(PairedComparison.table(rows(), "base")).contains("against base on the same runs").contains("D = 5")
                .containsPattern("variant +medians  1 /  1 /  0   runs    2 /    3 /    1");
        assertThat(PairedComparison.table(rows(), null)).isEmpty();
    }

    @Test
    void aBaseWithoutRunsIsRejectedNamingTheSamplersThereAre() {
        assertThatThrownBy(() -> PairedComparison.counts(rows(), "tpe")).isInstanceOf(SearchException.class)
                .hasMessage("base sampler 'tpe' has no runs here; the samplers are [base, variant]");
    }
}
