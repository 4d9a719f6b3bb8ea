package io.tunelab.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.TrialState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Axes that read as the data: whole ticks on epochs, a single epoch in the middle of its chart, whole bins for integer
 * parameters, and slice axes that hug the distribution's range and the values.
 */
@org.junit.jupiter.api.Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class ChartAxesBrowserIT {
    /** A trial of the study page as the charts take it: COMPLETE, one value, the parameters. */
    private static final String TRIAL = "((n, v, p) => ({number: n, state: 'COMPLETE', values: [v], params: p}))";
    private static DashboardSession session;
    private static Browser browser;
    private static long studyId;
    private static long prunedAfterTwo;
    private static long prunedAfterOne;
    private static long oneTrialStudy;

    @BeforeAll
    static void start() {
        InMemoryStorage storage = new InMemoryStorage();
        studyId = storage.createStudy("mlp", List.of(Direction.MAXIMIZE)).id();
        prunedAfterTwo = storage.createRunningTrial(studyId).id();
        storage.setIntermediateValue(prunedAfterTwo, 0, 0.61);
        storage.setIntermediateValue(prunedAfterTwo, 1, 0.72);
        storage.finishTrial(prunedAfterTwo, TrialState.PRUNED, List.of(0.72), null);
        prunedAfterOne = storage.createRunningTrial(studyId).id();
        storage.setIntermediateValue(prunedAfterOne, 0, 0.55);
        storage.finishTrial(prunedAfterOne, TrialState.PRUNED, List.of(0.55), null);
        oneTrialStudy = storage.createStudy("one", List.of(Direction.MAXIMIZE)).id();
        long only = storage.createRunningTrial(oneTrialStudy).id();
        storage.setParam(only, "layers", 3, IntDistribution.uniform(1, 8));
        storage.finishTrial(only, TrialState.COMPLETE, List.of(60.0), null);
        session = DashboardSession.over(storage);
        browser = session.browser();
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static String url(String path) {
        return session.url(path);
    }

    private static Object intermediate(String what) {
        return browser.js("return echarts.getInstanceByDom(document.getElementById('intermediate')).getModel()"
                + ".getComponent('xAxis', 0).axis.scale." + what);
    }

    /** Draws the option into a fresh chart and returns the x or y axis' extent. */
    private static Object drawnExtent(String option, String axis) {
        return browser.js("const div = document.createElement('div'); div.style.cssText = 'width:400px;height:300px';"
                + " document.body.append(div); const c = echarts.init(div); c.setOption(" + option + ");"
                + " const e = c.getModel().getComponent('" + axis + "', 0).axis.scale.getExtent().map(v => Math.round(v * 1000) / 1000);"
                + " c.dispose(); div.remove(); return e;");
    }

    @Test
    void aPrunedTrialsIntermediateValuesHaveWholeEpochTicksAndASingleEpochSitsInTheMiddle() {
        browser.open(url("/trial.html?id=" + prunedAfterTwo));
        assertThat(intermediate("getTicks().map(t => t.value)")).isEqualTo(List.of(0L, 1L));
        browser.open(url("/trial.html?id=" + prunedAfterOne));
        assertThat(intermediate("getExtent()")).isEqualTo(List.of(-1L, 1L));
    }

    @Test
    void withOneTrialTheHistoryAndTheParallelCoordinatesTickTheSingleTrialNumberAndValueAlone() {
        browser.open(url("/study.html?id=" + oneTrialStudy));
        browser.waitFor("const h = TL.HistoryChart.of(document.getElementById('history')),"
                + " p = TL.ParallelChart.of(document.getElementById('parallel'));"
                + " return !!h && !!p && h.count('trials') === 1 && p.count('lines') === 1 && !!h.axisLabels()");

        assertThat(browser.js("return TL.HistoryChart.of(document.getElementById('history')).axisLabels()"))
                .as("a whole trial number, not 0, 0.2, 0.4; the value alone, not spread over a pad")
                .isEqualTo(Map.of("x", List.of("0"), "y", List.of("60")));
        assertThat(browser.js("return TL.ParallelChart.of(document.getElementById('parallel')).axes()"
                + ".map(a => a.name + ': ' + a.labels.join(' '))"))
                .as("each single-valued axis ticks its value alone, not 55 60 65")
                .isEqualTo(List.of("layers: 3", "value: 60"));
    }

    @Test
    void aContourOfIntegerParametersHasABinPerWholeValue() {
        browser.open(url("/study.html?id=" + studyId));
        Object labels = browser.js("const t = " + TRIAL + "; const o = TL.StudyCharts.contour("
                + "[t(0, 0.8, {n_hidden: 1, n_units: 40}), t(1, 0.85, {n_hidden: 2, n_units: 120})], 'n_hidden', 'n_units',"
                + " {n_hidden: {type: 'int', low: 1, high: 2, step: 1, log: false},"
                + " n_units: {type: 'int', low: 32, high: 128, step: 1, log: true}}, 0, 'MAXIMIZE');"
                + " return [o.xAxis.data, o.yAxis.data.every(l => /^[0-9]+$/.test(l))];");
        assertThat(labels).isEqualTo(List.of(List.of("1", "2"), true));
    }

    @Test
    void aSliceHugsItsDistributionsRangeAndItsValues() {
        browser.open(url("/study.html?id=" + studyId));
        browser.driver().executeAsyncScript("TL.echarts().then(() => arguments[arguments.length - 1](true))");
        String narrowLog = "TL.StudyCharts.slice([" + TRIAL + "(0, 0.7, {u: 64})], 1, 'u',"
                + " {type: 'int', low: 32, high: 128, step: 1, log: true}, 0, null)";
        assertThat(drawnExtent(narrowLog, "xAxis")).isEqualTo(List.of(32L, 128L));
        assertThat((List<?>) drawnExtent(narrowLog, "yAxis")).extracting(v -> ((Number) v).doubleValue())
                .allMatch(v -> v > 0.6 && v < 0.8);
        String wideLog = "TL.StudyCharts.slice([" + TRIAL + "(0, 0.7, {u: 64}), " + TRIAL + "(1, 0.9, {u: 300})], 2, 'u',"
                + " {type: 'int', low: 16, high: 512, step: 1, log: true}, 0, null)";
        assertThat((List<?>) drawnExtent(wideLog, "xAxis")).extracting(v -> ((Number) v).doubleValue())
                .containsExactly(16.0, 512.0);
        assertThat(browser.js("return " + wideLog + ".xAxis.type")).isEqualTo("log");
    }
}
