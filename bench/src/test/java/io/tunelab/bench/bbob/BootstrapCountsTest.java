package io.tunelab.bench.bbob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.SearchException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BootstrapCountsTest {

    private static BbobBenchmark.Row row(int function, String sampler, long seed, double normalized) {
        return new BbobBenchmark.Row(function, 5, 4, sampler, 100, normalized, normalized, 1, seed);
    }

    /** Three functions, ten runs of {@code tpe} and of {@code peer-a} each, from the given value ranges. */
    private static List<BbobBenchmark.Row> rows(double oursLow, double oursHigh, double peerLow, double peerHigh) {
        List<BbobBenchmark.Row> rows = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int f = 1; f <= 3; f++) {
            for (long seed = 0; seed < 10; seed++) {
                rows.add(row(f, "tpe", seed, random.nextDouble(oursLow, oursHigh)));
                rows.add(row(f, "peer-a", seed, random.nextDouble(peerLow, peerHigh)));
            }
        }
        return rows;
    }

    @Test
    void aSamplerWhoseEveryRunBeatsEveryPeerRunKeepsItsCountInEveryResample() {
        String table = BootstrapCounts.table(rows(0.1, 0.2, 0.8, 0.9), 200, 1);
        assertThat(table).contains("5-95% range over 200 bootstrap resamples").contains("D = 5 (3 functions)")
                .containsPattern("tpe +<= best peer:  3 \\(3-3\\)   <= 1.25x peer-a:  3 \\(3-3\\)");
    }

    @Test
    void aSamplerLosingEveryRunToThePeerCountsNothingInEveryResample() {
        assertThat(BootstrapCounts.table(rows(0.8, 0.9, 0.1, 0.2), 200, 1))
                .containsPattern("tpe +<= best peer:  0 \\(0-0\\)");
    }

    @Test
    void samplersDrawingFromTheSameValuesGetARangeAroundTheirObservedCount() {
        Matcher m = Pattern.compile("<= best peer: +(\\d) \\((\\d)-(\\d)\\)")
                .matcher(BootstrapCounts.table(rows(0, 1, 0, 1), 500, 1));
        assertThat(m.find()).isTrue();
        int observed = Integer.parseInt(m.group(1));
        int low = Integer.parseInt(m.group(2));
        int high = Integer.parseInt(m.group(3));
        assertThat(low).isLessThan(high).isLessThanOrEqualTo(observed);
        assertThat(high).isGreaterThanOrEqualTo(observed).isGreaterThanOrEqualTo(low + 2);
    }

    @Test
    void theSameRowsAndSeedGiveTheSameTable() {
        List<BbobBenchmark.Row> rows = rows(0, 1, 0, 1);
        assertThat(BootstrapCounts.table(rows, 300, 42)).isEqualTo(BootstrapCounts.table(rows, 300, 42))
                .contains("(seed 42)");
    }

    @Test
    void noPeerOrNoResamplesGiveNoTable() {
        assertThat(BootstrapCounts.table(rows(0, 1, 0, 1), 0, 1)).isEmpty();
        assertThat(BootstrapCounts.table(rows(0, 1, 0, 1).stream().filter(r -> r.sampler().equals("tpe")).toList(),
                100, 1)).isEmpty();
    }

    @Test
    void aNegativeNumberOfResamplesIsRejectedWithTheValue() {
        assertThatThrownBy(() -> BootstrapCounts.table(rows(0, 1, 0, 1), -5, 1)).isInstanceOf(SearchException.class)
                .hasMessageContaining("resamples").hasMessageContaining("-5");
    }

    @Test
    void percentilesAreNearestRank() {
        int[] sorted = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19};
        assertThat(BootstrapCounts.percentile(sorted, 0.05)).isEqualTo(0);
        assertThat(BootstrapCounts.percentile(sorted, 0.95)).isEqualTo(18);
        assertThat(BootstrapCounts.percentile(new int[] {4}, 0.95)).isEqualTo(4);
    }
}
