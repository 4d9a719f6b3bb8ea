package io.tunelab.trainers.tribuo;

import static org.assertj.core.api.Assertions.assertThat;

import com.oracle.labs.mlrg.olcut.util.Pair;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.summary.ImageSummary;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.summary.TextSummary;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.trainers.summary.ImportanceChart;
import io.tunelab.trainers.tabular.Table;
import io.tunelab.trainers.tabular.Task;
import io.tunelab.trainers.testing.LoggedSummaries;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;

class TribuoSummariesTest {
    private static LoggedSummaries run(TribuoTrainerSpec spec, String name, boolean summaries, boolean withTest) {
        Table[] data = Fixtures.trainTest(Fixtures.classification());
        TribuoObjective.Builder builder = TribuoObjective.builder(spec, data[0]).summaries(summaries);
        TribuoObjective objective = (withTest ? builder.test(data[1]) : builder).build();
        Study study = Study.builder(name).direction(Direction.MAXIMIZE).create();
        study.enqueueTrial(Fixtures.goodParams(name, Task.CLASSIFICATION));
        study.optimize(objective, OptimizeOptions.trials(1).withParallelism(1));
        FrozenTrial t = study.trials().get(0);
        assertThat(t.state()).as(t.message()).isEqualTo(TrialState.COMPLETE);
        return new LoggedSummaries(study, t);
    }

    private static String text(LoggedSummaries logged, String tag) {
        return ((TextSummary) logged.of(tag).get(0).value()).markdown();
    }

    @Test
    void aTreeLogsItsTestConfusionMatrixAndRanksTheInformativeFeaturesFirst() {
        LoggedSummaries logged = run(CartSpec.defaults(), "cart", true, true);

        assertThat(logged.tags()).extracting(SummaryTag::tag).containsExactlyInAnyOrder("test/confusion_matrix",
                "test/confusion_matrix_table", TribuoSummaries.IMPORTANCES_TAG, TribuoSummaries.IMPORTANCES_CHART_TAG);
        String table = text(logged, "test/confusion_matrix_table");
        assertThat(table).contains("| **c0** |", "| **c2** |");
        assertThat(table.lines().skip(2).mapToInt(line -> Integer.parseInt(line.replaceAll(".*\\| (\\d+) \\|$", "$1"))).sum())
                .as("a quarter of 450 rows held out").isEqualTo(113);
        List<String> ranked = text(logged, TribuoSummaries.IMPORTANCES_TAG).lines().skip(2)
                .filter(line -> line.contains("| 1 |")).toList();
        assertThat(ranked).isNotEmpty().allSatisfy(line -> assertThat(line).containsPattern("\\| x[0-3] \\|"));
        assertChartMatchesTable(logged);
    }

    /** The chart has a panel per output of the table and a bar per row of it. */
    private static void assertChartMatchesTable(LoggedSummaries logged) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        text(logged, TribuoSummaries.IMPORTANCES_TAG).lines().skip(2)
                .forEach(line -> rows.merge(line.split(" \\| ")[0], 1, Integer::sum));
        ImageSummary chart = (ImageSummary) logged.of(TribuoSummaries.IMPORTANCES_CHART_TAG).get(0).value();
        assertThat(chart.width()).isEqualTo(ImportanceChart.WIDTH);
        assertThat(chart.height()).isEqualTo(ImportanceChart.height(List.copyOf(rows.values())))
                .isEqualTo(rows.size() * ImportanceChart.TITLE + rows.values().stream().mapToInt(n -> n * ImportanceChart.BAR).sum() + 1);
    }

    @Test
    void aLinearModelRanksByItsWeightsAndWithoutATestTableThereIsNoConfusionMatrix() {
        LoggedSummaries logged = run(LibLinearSpec.defaults(), "liblinear", true, false);
        assertThat(logged.tags()).extracting(SummaryTag::tag)
                .containsExactlyInAnyOrder(TribuoSummaries.IMPORTANCES_TAG, TribuoSummaries.IMPORTANCES_CHART_TAG);
        assertThat(text(logged, TribuoSummaries.IMPORTANCES_TAG)).contains("| c0 | 1 |", "| c1 | 1 |", "| c2 | 1 |");
        assertChartMatchesTable(logged);
    }

    @Test
    void aKernelSvmHasNoFeatureImportancesAndSummariesAreOffByDefault() {
        assertThat(run(LibSvmSpec.defaults(), "libsvm", true, false).tags()).isEmpty();
        assertThat(run(CartSpec.defaults(), "cart", false, true).tags()).isEmpty();
    }

    @Test
    void theImportanceTableListsEachOutputsFeaturesInRankOrder() {
        Map<String, List<Pair<String, Double>>> top = new LinkedHashMap<>();
        top.put(Model.ALL_OUTPUTS, List.of(new Pair<>("x|1", 0.5), new Pair<>("x2", 0.25)));
        assertThat(TribuoSummaries.markdown(top)).isEqualTo("""
                | output | rank | feature | importance |
                |---|---:|---|---:|
                | all | 1 | x\\|1 | 0.5000 |
                | all | 2 | x2 | 0.2500 |
                """);
    }
}
