package io.tunelab.bench.bbob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.search.SearchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BbobBenchmarkTest {

    private static List<BbobBenchmark.Row> smallRun(List<String> progress) {
        return BbobBenchmark.run(new BbobBenchmark.Settings(List.of(1, 15), List.of(2), List.of(1, 2, 3),
                List.of("tpe"), List.of(), 12, 1), progress::add);
    }

    @Test
    void everyRunIsARowAndRandomSearchIsAlwaysTheReference(@TempDir Path dir) throws Exception {
        List<String> progress = new ArrayList<>();
        List<BbobBenchmark.Row> rows = smallRun(progress);
        assertThat(rows).hasSize(2 * 3 * 2);
        assertThat(rows).extracting(BbobBenchmark.Row::sampler).containsOnly("tpe", "random");
        assertThat(rows).allMatch(r -> r.regret() >= 0 && r.trials() == 12 && r.dim() == 2);
        for (int f : new int[] {1, 15}) {
            List<Double> randomNormalized = rows.stream().filter(r -> r.function() == f && r.sampler().equals("random"))
                    .map(BbobBenchmark.Row::normalizedRegret).sorted().toList();
            assertThat(randomNormalized.get(1)).as("random's median normalized regret on f%d", f).isCloseTo(1, within(1e-12));
        }
        assertThat(progress).anyMatch(line -> line.startsWith("f15 d2: 6 runs"))
                .anyMatch(line -> line.contains("f1 d2 i3 s3 tpe: regret"));

        Path csv = dir.resolve("bbob.csv");
        BbobCsv.write(rows, csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("function,dim,instance,sampler,trials,regret,normalized_regret,ms_per_trial,seed");
        assertThat(lines).hasSize(13);
        assertThat(lines.get(1)).startsWith("1,2,1,tpe,12,");
        assertThat(BbobReport.tables(rows)).contains("D = 2").contains("f15 rastrigin-rotated").contains("ms/trial");
        assertThat(BbobReport.peerComparison(rows)).isEmpty();
    }

    @Test
    void severalRunsPerInstanceGetTheirOwnSeedsAndTheFirstKeepsTheInstanceNumber() {
        List<BbobBenchmark.Row> rows = BbobBenchmark.run(new BbobBenchmark.Settings(List.of(3), List.of(2), List.of(4),
                List.of("tpe"), List.of(), 8, 3), line -> { });
        assertThat(rows).hasSize(3 * 2);
        assertThat(rows).filteredOn(r -> r.sampler().equals("tpe")).extracting(BbobBenchmark.Row::seed)
                .containsExactly(4L, 1004L, 2004L);
        assertThat(rows).filteredOn(r -> r.sampler().equals("tpe")).extracting(BbobBenchmark.Row::regret)
                .doesNotHaveDuplicates();
        assertThatThrownBy(() -> new BbobBenchmark.Settings(List.of(1), List.of(2), List.of(1), List.of("tpe"), List.of(), 5, 0))
                .isInstanceOf(SearchException.class).hasMessageContaining("runs must be >= 1, got 0");
    }

    @Test
    void rankSumComparisonCountsFunctionsNotSignificantlyWorseAndSignificantlyBetter() {
        List<BbobBenchmark.Row> rows = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            rows.add(row(1, "tpe", 10 + k));
            rows.add(row(1, "peer-a", k));
            rows.add(row(2, "tpe", k));
            rows.add(row(2, "peer-a", 10 + k));
            rows.add(row(3, "tpe", k));
            rows.add(row(3, "peer-a", k + 0.5));
        }
        assertThat(BbobReport.rankSumComparison(rows)).contains("D = 5 (3 functions, 10 runs each)")
                .containsPattern("tpe +vs peer-a:  2 /  1");
    }

    @Test
    void withTooFewRunsForTheTestToReachItsLevelTheRankSumComparisonSaysSoInsteadOfCountingEveryFunction() {
        List<BbobBenchmark.Row> rows = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            rows.add(row(1, "tpe", 10 + k));
            rows.add(row(1, "peer-a", k));
        }
        assertThat(BbobReport.rankSumComparison(rows)).contains("D = 5 (1 function, 2 runs each)")
                .contains("not compared: with 2 runs per function a side the test cannot reach alpha 0.05")
                .doesNotContain("vs peer-a");
    }

    @Test
    void runsFromAFirstRunOnAreTheRunsOfThoseNumbersInALongerCommand() {
        List<BbobBenchmark.Row> all = BbobBenchmark.run(new BbobBenchmark.Settings(List.of(3), List.of(2), List.of(4),
                List.of("tpe"), List.of(), 8, 3), line -> { });
        List<BbobBenchmark.Row> later = BbobBenchmark.run(new BbobBenchmark.Settings(List.of(3), List.of(2), List.of(4),
                List.of("tpe"), List.of(), 8, 2, 0, 1), line -> { });
        assertThat(later).extracting(BbobBenchmark.Row::seed).containsExactly(1004L, 1004L, 2004L, 2004L);
        assertThat(later).extracting(BbobBenchmark.Row::regret)
                .containsExactlyElementsOf(all.subList(2, 6).stream().map(BbobBenchmark.Row::regret).toList());
        assertThatThrownBy(() -> new BbobBenchmark.Settings(List.of(1), List.of(2), List.of(1), List.of("tpe"), List.of(), 5, 1,
                0, -1)).isInstanceOf(SearchException.class).hasMessage("first run must be >= 0, got -1");
    }

    @Test
    void normalizingDividesByTheReferencesMedianAndLeavesFunctionsWithoutReferenceRunsAsTheyAre() {
        List<BbobBenchmark.Row> rows = List.of(
                new BbobBenchmark.Row(1, 2, 1, "random", 10, 2.0, 9, 0, 1),
                new BbobBenchmark.Row(1, 2, 1, "random", 10, 4.0, 9, 0, 1001),
                new BbobBenchmark.Row(1, 2, 1, "tpe", 10, 1.5, 9, 0, 1),
                new BbobBenchmark.Row(2, 2, 1, "tpe", 10, 1.5, 0.7, 0, 1));
        assertThat(BbobBenchmark.normalize(rows)).extracting(BbobBenchmark.Row::normalizedRegret)
                .containsExactly(2.0 / 3, 4.0 / 3, 0.5, 0.7);
    }

    @Test
    void theSameSettingsGiveTheSameRegrets() {
        assertThat(smallRun(new ArrayList<>())).extracting(BbobBenchmark.Row::regret)
                .isEqualTo(smallRun(new ArrayList<>()).stream().map(BbobBenchmark.Row::regret).toList());
    }

    @Test
    void peerComparisonCountsFunctionsWhereASamplerIsAtMostTheBestPeerAndWithinAQuarterOfEachPeer() {
        List<BbobBenchmark.Row> rows = List.of(
                row(1, "tpe", 0.5), row(1, "peer-a", 0.45), row(1, "peer-b", 0.9),
                row(2, "tpe", 0.2), row(2, "peer-a", 0.3), row(2, "peer-b", 0.25));
        String table = BbobReport.peerComparison(rows);
        assertThat(table).contains("D = 5 (2 functions)")
                .containsPattern("tpe +<= best peer:  1   <= 1.25x peer-a:  2   <= 1.25x peer-b:  2");
    }

    @Test
    void peerComparisonOfOneFunctionSaysFunctionInTheSingular() {
        String table = BbobReport.peerComparison(List.of(row(1, "tpe", 0.5), row(1, "peer-a", 0.45)));
        assertThat(table).contains("D = 5 (1 function)").doesNotContain("1 functions");
    }

    private static BbobBenchmark.Row row(int function, String sampler, double normalized) {
        return new BbobBenchmark.Row(function, 5, 4, sampler, 100, normalized, normalized, 1, 4);
    }

    @Test
    void aStepThatDoesNotDivideTheBoxIsRejectedWithTheValue() {
        assertThatThrownBy(() -> new BbobBenchmark.Settings(List.of(1), List.of(2), List.of(1), List.of("tpe"), List.of(),
                10, 1, 0.3)).isInstanceOf(SearchException.class).hasMessageContaining("step")
                .hasMessageContaining("divides 10, the width of [-5, 5]").hasMessageContaining("got 0.3");
        assertThatThrownBy(() -> new BbobBenchmark.Settings(List.of(1), List.of(2), List.of(1), List.of("tpe"), List.of(),
                10, 1, -1)).isInstanceOf(SearchException.class).hasMessageContaining("got -1.0");
    }

    @Test
    void withAStepTunelabSamplersFindValuesOfGridPointsAndTheSameOnesTwice() {
        BbobBenchmark.Settings settings = new BbobBenchmark.Settings(List.of(1), List.of(2), List.of(1), List.of("gp"),
                List.of(), 15, 1, 0.5);
        List<BbobBenchmark.Row> rows = BbobBenchmark.run(settings, line -> { });
        BbobFunction f = BbobSuite.function(1, 2, 1);
        java.util.Set<Double> gridValues = new java.util.HashSet<>();
        for (int i = 0; i <= 20; i++) {
            for (int j = 0; j <= 20; j++) {
                gridValues.add(f.value(new double[] {-5 + 0.5 * i, -5 + 0.5 * j}) - f.fopt());
            }
        }
        assertThat(rows).extracting(BbobBenchmark.Row::regret).allMatch(gridValues::contains);
        assertThat(BbobBenchmark.run(settings, line -> { })).extracting(BbobBenchmark.Row::regret)
                .isEqualTo(rows.stream().map(BbobBenchmark.Row::regret).toList());
    }

    @Test
    void settingsOutsideTheSuiteAreRejectedBeforeAnythingRuns() {
        assertThatThrownBy(() -> new BbobBenchmark.Settings(List.of(0), List.of(2), List.of(1), List.of("tpe"), List.of(), 10, 1))
                .isInstanceOf(SearchException.class).hasMessageContaining("got 0");
        assertThatThrownBy(() -> new BbobBenchmark.Settings(List.of(1), List.of(2), List.of(1), List.of("tpe"), List.of(), 0, 1))
                .isInstanceOf(SearchException.class).hasMessageContaining("trials must be >= 1, got 0");
        assertThatThrownBy(() -> new BbobBenchmark.Settings(List.of(1), List.of(2), List.of(1), List.of("cma"), List.of(), 5, 1))
                .isInstanceOf(SearchException.class).hasMessageContaining("unknown sampler 'cma'");
    }
}
