package io.tunelab.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.dashboard.SampleStudies;
import io.tunelab.dashboard.analysis.BestSoFar;
import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.dashboard.server.DashboardServer;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.FailFast;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.RangeOptions;
import io.tunelab.search.trial.TrialPrunedException;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.query.ParetoSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.Sequence;

/**
 * The pages in headless Chromium against a dashboard over a real small study; screenshots in target/screenshots. The
 * optimisation history's own canvas chart (history-chart.js) draws every point of a 100,000-point history, finds the
 * point under the pointer, hides a series from its legend entry and puts a log axis' decades at equal steps; on the
 * study page it names the hovered trial and opens it on a click.
 */
@org.junit.jupiter.api.Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
class DashboardPagesBrowserIT {
    @TempDir
    static Path dir;
    static InMemoryStorage storage;
    static DashboardServer server;
    static Browser browser;

    /** A seeded history of n points (every 1,000th infeasible) drawn in a new 800 x 320 div: window.__h, window.__c. */
    private static final String SYNTHETIC = """
            const n = arguments[0], log = arguments[1];
            let seed = 12345; const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
            const number = new Array(n), value = new Array(n), infeasible = [], line = [];
            let best = Infinity;
            for (let i = 0; i < n; i++) {
              number[i] = 2 * i; value[i] = log ? Math.pow(10, 4 * rnd()) : 10 * rnd() + 1000 / (i + 10);
              if (i % 1000 === 999) infeasible.push(i);
              else if (value[i] < best) { best = value[i]; line.push([number[i], best]); }
            }
            line.push([number[n - 1], best]);
            const div = document.createElement('div');
            div.style.cssText = 'width: 800px; height: 320px; position: absolute; left: 0; top: 0; background: #fff; z-index: 9';
            document.body.append(div); window.__d = div;
            window.__h = {count: n, number, value, infeasible, line};
            window.__c = TL.HistoryChart(div);
            const t0 = performance.now();
            return window.__c.draw(window.__h, {log}).then(() => performance.now() - t0);
            """;

    @BeforeAll
    static void start() {
        storage = SampleStudies.create(dir);
        server = new DashboardServer(new StorageDashboardData(storage, 0), 0).start();
        browser = new Browser(1400, 2400);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.stop();
    }

    private static String url(String page) {
        return "http://127.0.0.1:" + server.port() + page;
    }

    private static long studyId(String name) {
        return storage.findStudy(name).orElseThrow().id();
    }

    @Test
    void studiesPageListsEveryStudyAndShowsAHostileNameAsText() {
        browser.open(url("/"));
        // read in one script: the list may be drawn again (a live update) between finding a link and reading it
        assertThat(browser.js("return [...document.querySelectorAll('#studies a.study-name')].map(a => a.textContent)"))
                .isEqualTo(List.of(SampleStudies.QUADRATIC, SampleStudies.PARETO, SampleStudies.HOSTILE));
        assertThat(browser.js("return window.__xss === undefined && document.querySelectorAll('main script').length === 0"))
                .isEqualTo(true);
        browser.screenshot("studies");
        browser.driver().findElement(By.id("study-search")).sendKeys("quad");
        assertThat(browser.driver().findElements(By.cssSelector("#studies a.study-name"))).hasSize(1);
    }

    @Test
    void studyPageChartsHoldTheStudysTrials() {
        browser.open(url("/study.html?id=" + studyId(SampleStudies.QUADRATIC)));
        assertThat(historyCount("trials")).isEqualTo(32);
        assertThat(browser.js("const d = document.getElementById('history');"
                + " return !(window.echarts && echarts.getInstanceByDom(d)) && d.querySelectorAll('canvas').length === 1"))
                .as("the history is drawn on a canvas of its own, not by ECharts").isEqualTo(true);
        assertThat(browser.js("return performance.getEntriesByType('resource')"
                + ".filter(r => /\\/(history\\.bin|sample)\\?/.test(r.name)).length"))
                .as("the first screen's charts come from the server's history and sample").isEqualTo(2L);
        browser.waitFor("return performance.getEntriesByType('resource').some(r => r.name.includes('/columns?'))");
        assertThat(browser.js("return performance.getEntriesByType('resource').filter(r => r.name.includes('/columns?'))"
                + ".every(r => r.startTime >= Number(document.body.dataset.readyMs))"))
                .as("every trial loads after the page is interactive").isEqualTo(true);
        assertThat(parallel("count('lines')")).isEqualTo(32L);
        assertThat(browser.js("const d = document.getElementById('parallel');"
                + " return !(window.echarts && echarts.getInstanceByDom(d)) && d.querySelectorAll('canvas').length === 2"))
                .as("the parallel coordinates are drawn on canvases of their own, not by ECharts").isEqualTo(true);
        assertThat(browser.js("return TL.ImportanceChart.of(document.getElementById('importance')).params()"))
                .as("a bar per parameter, the most important on top").isEqualTo(List.of("x", "lr", "optimizer"));
        assertThat(browser.js("return [...document.querySelectorAll('#importance .imp-row')].map(r => r.title.replace(/[0-9.]+%$/, '%'))"))
                .isEqualTo(List.of("x: %", "lr: %", "optimizer: %"));
        assertThat(browser.js("return TL.ImportanceChart.of(document.getElementById('importance')).subtext()"))
                .asString().endsWith(", 32 trials");
        assertThat(browser.js("return TL.StudyCharts.importance({method: 'fANOVA', trials: 100000, sample: 48213, importances: []})"
                + ".subtext")).isEqualTo("fANOVA, from 48213 of 100000 trials (sampled)");
        long quadratic = studyId(SampleStudies.QUADRATIC);
        assertThat(historyCount("best so far"))
                .as("the line the server computed").isEqualTo((long) BestSoFar.of(storage.trials(quadratic,
                        EnumSet.allOf(TrialState.class)), 0, Direction.MINIMIZE).size());
        browser.waitFor("return !!window.echarts && !!echarts.getInstanceByDom(document.getElementById('curves'))"
                + " && !!echarts.getInstanceByDom(document.getElementById('timeline'))");
        assertThat(browser.js("return echarts.getInstanceByDom(document.getElementById('curves')).getOption().series.map(s => s.name)"))
                .isEqualTo(List.of("complete", "pruned", "pruned here"));
        assertThat(seriesLength("curves", 2)).isEqualTo(8);
        assertThat(seriesLength("timeline", 0)).isEqualTo(40);
        browser.waitFor("return document.getElementById('trial-count').textContent === '40 trials'");
        assertThat(browser.js("return document.querySelectorAll('.vt-row').length")).isNotEqualTo(0L);
        browser.screenshot("study");
    }

    @Test
    void theFirstScreenIsDrawnFirstAndChartsBelowItWhenTheyComeNearTheViewport() {
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
        try {
            browser.open(url("/study.html?id=" + studyId(SampleStudies.QUADRATIC)));
            assertThat(browser.js("const at = n => performance.getEntriesByName(n, 'mark')[0].startTime;"
                    + " return at('table-drawn') <= Number(document.body.dataset.readyMs)"))
                    .as("the trials table's first page is drawn by the time the page is interactive").isEqualTo(true);
            assertThat(browser.js("return performance.getEntriesByType('resource').filter(r => r.name.includes('/table?')).length"))
                    .as("the table's first page is the request the page's head made").isEqualTo(1L);
            assertThat(browser.js("return TL.HistoryChart.of(document.getElementById('history')).count('trials') > 0"
                    + " && TL.ParallelChart.of(document.getElementById('parallel')).count('lines') > 0")).isEqualTo(true);
            assertThat(browser.js("return performance.getEntriesByName('parallel-drawn', 'mark')[0].startTime"
                    + " <= Number(document.body.dataset.readyMs)"))
                    .as("the parallel coordinates are drawn by the time the page is interactive").isEqualTo(true);
            browser.waitFor("return !!window.echarts");
            assertThat(browser.js("const e = performance.getEntriesByType('resource').filter(r => r.name.includes('/echarts.min.js'));"
                    + " return e.length === 1 && e[0].startTime >= Number(document.body.dataset.readyMs)"))
                    .as("ECharts (only the charts below the first screen use it) loads once the page is interactive").isEqualTo(true);
            browser.waitFor("return performance.getEntriesByType('resource').some(r => r.name.includes('/curves?'))");
            assertThat(browser.js("return performance.getEntriesByType('resource').filter(r => r.name.includes('/curves?'))"
                    + ".every(r => r.startTime >= Number(document.body.dataset.readyMs))"))
                    .as("the learning curves, below the first screen, are asked for once the page is interactive").isEqualTo(true);
            assertThat(browser.js("return performance.getEntriesByType('resource').some(r => r.name.includes('/columns?'))"))
                    .as("every trial is loaded only once a chart that reads them all comes near the viewport").isEqualTo(false);
            browser.js("document.getElementById('slice-2').scrollIntoView({block: 'center'})");
            browser.waitFor("return !!window.echarts && !!echarts.getInstanceByDom(document.getElementById('slice-2'))");
            assertThat(pointCount("slice-2", 0)).as("a slice scrolled into view draws the sample").isBetween(1L, 32L);
            assertThat(browser.js("return performance.getEntriesByName('slice-2-drawn', 'mark')[0].startTime"
                    + " > Number(document.body.dataset.readyMs)"))
                    .as("the slices, below the first screen, were drawn after the page was interactive").isEqualTo(true);
            browser.js("document.getElementById('timeline').scrollIntoView({block: 'center'})");
            browser.waitFor("return !!echarts.getInstanceByDom(document.getElementById('timeline'))");
            assertThat(seriesLength("timeline", 0)).as("the timeline, scrolled into view, has every trial").isEqualTo(40);
        } finally {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1400, 2400));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPageOpenedAgainTakesItsScriptsAndStylesheetFromTheBrowsersCache() {
        String study = url("/study.html?id=" + studyId(SampleStudies.QUADRATIC));
        String assets = "return performance.getEntriesByType('resource').filter(r => r.name.includes('/assets/'))";
        browser.open(study);
        assertThat((List<Object>) browser.js(assets + ".map(r => r.name.replace(/.*\\//, ''))"))
                .as("the page's own files, at their versioned addresses").contains("style.css", "common.js", "study.js");
        browser.open(url("/trials.html?study=" + studyId(SampleStudies.QUADRATIC)));
        browser.open(study);
        assertThat((List<Object>) browser.js(assets + ".filter(r => r.transferSize > 0).map(r => r.name)"))
                .as("no request for them went to the server").isEmpty();
        assertThat(browser.js(assets + ".length")).isEqualTo(9L);
    }

    @Test
    void theWorkForTheChartsBelowTheFirstScreenWaitsASecondOrTheReadersFirstScroll() {
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
        String sinceReady = "const at = p => performance.getEntriesByType('resource').filter(r => r.name.includes(p))"
                + ".map(r => r.startTime - Number(document.body.dataset.readyMs));";
        try {
            browser.open(url("/study.html?id=" + studyId(SampleStudies.QUADRATIC)));
            browser.waitFor("return !!window.echarts && performance.getEntriesByType('resource').some(r => r.name.includes('/curves?'))");
            assertThat(((Number) browser.js(sinceReady + " return Math.min(...at('/echarts.min.js'), ...at('/curves?'))")).doubleValue())
                    .as("left alone, the page asks for ECharts and the learning curves a second after it is interactive")
                    .isGreaterThanOrEqualTo(950.0);

            // the reader scrolls as soon as the page is interactive
            String id = (String) browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "new MutationObserver((m, o) => { if (document.body && document.body.dataset.ready) { o.disconnect();"
                            + " window.scrolledMs = performance.now(); window.scrollBy(0, 300); } })"
                            + ".observe(document, {subtree: true, attributes: true, attributeFilter: ['data-ready']});"))
                    .get("identifier");
            try {
                browser.open(url("/study.html?id=" + studyId(SampleStudies.QUADRATIC)));
                browser.waitFor("return !!window.echarts");
                assertThat(((Number) browser.js(sinceReady + " return at('/echarts.min.js')[0]")).doubleValue())
                        .as("a scroll right after the page is interactive asks for ECharts at once").isLessThan(500.0);
            } finally {
                browser.driver().executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
            }
        } finally {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1400, 2400));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFailedLoadOfEveryTrialIsShownOnceBelowEachChartThatNeedsThemAndTriedAgainWhenOneIsDrawnAgain() {
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
        try {
            browser.open(url("/study.html?id=" + studyId(SampleStudies.QUADRATIC)));
            browser.js("window.__fetch = window.fetch; window.fetch = (u, o) => String(u).includes('/columns?')"
                    + " ? Promise.resolve(new Response(JSON.stringify({message: 'columns unavailable'}), {status: 503}))"
                    + " : window.__fetch(u, o)");
            String failures = "return [...document.querySelectorAll('.error')].filter(e => e.textContent === '503: columns unavailable')";
            browser.js("document.getElementById('timeline').scrollIntoView({block: 'center'})");
            browser.waitFor("return !!document.getElementById('timeline-error')");
            browser.js("document.getElementById('contour').scrollIntoView({block: 'center'})");
            browser.waitFor("return !!document.getElementById('contour-error')");
            browser.js("document.getElementById('timeline').scrollIntoView({block: 'center'})");
            browser.js("document.getElementById('contour').scrollIntoView({block: 'center'})");
            assertThat((List<Object>) browser.js(failures + ".map(e => e.id)"))
                    .as("one message below each chart that needed every trial, none repeated")
                    .containsExactlyInAnyOrder("timeline-error", "contour-error");

            browser.js("window.fetch = window.__fetch");
            browser.js("const s = document.getElementById('contour-y'); s.selectedIndex = (s.selectedIndex + 1) % s.options.length;"
                    + " s.dispatchEvent(new Event('change'))");
            browser.waitFor("return !document.getElementById('contour-error')"
                    + " && !!echarts.getInstanceByDom(document.getElementById('contour'))");
            assertThat(browser.js("return performance.getEntriesByType('resource').filter(r => r.name.includes('/columns?')).length"))
                    .as("the trials were asked for again, and loaded").isNotEqualTo(0L);
            assertThat(browser.js(failures + ".length")).as("the contour's message went with its draw").isEqualTo(
                    browser.js("return document.getElementById('timeline-error') ? 1 : 0"));
        } finally {
            browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1400, 2400));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theContourColoursEachCellByItsMeanValueAndLabelsItsScaleWithTheValues() {
        browser.open(url("/study.html?id=" + studyId(SampleStudies.QUADRATIC)));
        browser.js("document.getElementById('contour').scrollIntoView({block: 'center'})");
        browser.waitFor("return !!echarts.getInstanceByDom(document.getElementById('contour'))"
                + " && echarts.getInstanceByDom(document.getElementById('contour')).getOption().series.length > 0");

        List<Object> cells = (List<Object>) browser.js("""
                const c = echarts.getInstanceByDom(document.getElementById('contour'));
                const d = c.getModel().getSeriesByIndex(0).getData();
                const out = [];
                for (let i = 0; i < d.count(); i++) out.push([d.get(d.dimensions[2], i), String(d.getItemVisual(i, 'style').fill)]);
                return out;""");
        List<List<Object>> byMean = cells.stream().map(c -> (List<Object>) c)
                .sorted(java.util.Comparator.comparingDouble(c -> ((Number) c.get(0)).doubleValue())).toList();
        assertThat(byMean.size()).as("cells").isGreaterThan(3);
        assertThat(byMean.get(0).get(1)).as("the lowest mean and the highest are told apart")
                .isNotEqualTo(byMean.get(byMean.size() - 1).get(1));
        assertThat(browser.js("return echarts.getInstanceByDom(document.getElementById('contour')).getOption().visualMap[0]"
                + ".dimension")).isEqualTo(2L);
    }

    @Test
    void aStudyWithTwoObjectivesDrawsItsParetoFrontFromTheServerBeforeLoadingEveryTrial() {
        browser.open(url("/study.html?id=" + studyId(SampleStudies.PARETO)));
        assertThat(browser.js("return !!echarts.getInstanceByDom(document.getElementById('pareto'))"))
                .as("drawn by the time the page is interactive").isEqualTo(true);
        assertThat(browser.js("const p = document.getElementById('pareto').getBoundingClientRect();"
                + " return p.bottom <= innerHeight && p.top < document.getElementById('history').getBoundingClientRect().top"))
                .as("the Pareto front on the first screen, above the history").isEqualTo(true);
        assertThat(browser.js("return performance.getEntriesByType('resource').filter(r => r.name.includes('/front?'))"
                + ".every(r => r.startTime < Number(document.body.dataset.readyMs))")).isEqualTo(true);
        browser.waitFor("return performance.getEntriesByType('resource').some(r => r.name.includes('/columns?'))");
        assertThat(browser.js("return performance.getEntriesByType('resource').filter(r => r.name.includes('/columns?'))"
                + ".every(r => r.startTime >= Number(document.body.dataset.readyMs))"))
                .as("every trial loads after the page is interactive").isEqualTo(true);
        assertThat(browser.js("return echarts.getInstanceByDom(document.getElementById('pareto')).getOption().series"
                + ".reduce((n, s) => n + s.data.length, 0)")).as("the front and every other trial of 30").isEqualTo(30L);
        assertThat(browser.js("return echarts.getInstanceByDom(document.getElementById('pareto')).getOption().series[2].data.length"))
                .isEqualTo((long) ParetoSet.of(storage.trials(studyId(SampleStudies.PARETO),
                        EnumSet.allOf(TrialState.class)), List.of(Direction.MINIMIZE, Direction.MINIMIZE)).size());
        browser.screenshot("study-pareto");
    }

    @Test
    void aStudyWithTwoObjectivesNamesThemAfterTheMetricsOfItsStudyFile() {
        long pareto = studyId(SampleStudies.PARETO);
        browser.open(url("/study.html?id=" + pareto));
        assertThat(browser.js("return [...document.querySelectorAll('#objective option')].map(o => o.textContent)"))
                .as("a study without a study file").isEqualTo(List.of("objective 0 (minimize)", "objective 1 (minimize)"));
        storage.setStudySystemAttr(pareto, "study_file",
                "study: pareto\ndirection: [minimize, minimize]\nmetric: [val_loss, epoch_time]\n");
        try {
            browser.open(url("/study.html?id=" + pareto));
            assertThat(browser.js("return [...document.querySelectorAll('#objective option')].map(o => o.textContent)"))
                    .isEqualTo(List.of("val_loss (minimize)", "epoch_time (minimize)"));
            assertThat(browser.js("return document.getElementById('study-directions').textContent"))
                    .isEqualTo("val_loss minimize, epoch_time minimize");
            assertThat(browser.js("const o = echarts.getInstanceByDom(document.getElementById('pareto')).getOption();"
                    + " return [o.xAxis[0].name, o.yAxis[0].name]")).isEqualTo(List.of("val_loss (minimize)", "epoch_time (minimize)"));
            browser.screenshot("study-pareto-named");
        } finally {
            storage.setStudySystemAttr(pareto, "study_file", "");
        }
    }

    @Test
    void brushingParallelCoordinatesFiltersTheTrialsTable() {
        long full = brushTheFirstAxis("");
        browser.screenshot("study-brushed");
        long sampled = brushTheFirstAxis("&lines=10");
        assertThat(parallel("count('lines')")).isEqualTo(10L);
        assertThat(parallel("title()")).asString().contains("10 of 32 trials drawn");
        assertThat(sampled).as("brushing a sample of the lines selects among all trials").isEqualTo(full);
        long drawn = Math.min(sampled, Math.max(10 - (32 - sampled), 5));
        assertThat(parallel("title()"))
                .as("the sample draws the brushed trials, up to half the lines").asString()
                .contains(sampled + " brushed, " + drawn + " of them drawn");
        assertThat(parallel("intervals('param:x').length"))
                .as("drawing the new sample keeps the brushed interval").isEqualTo(1L);
        assertThat(parallel("count('active')")).as("the drawn lines inside the interval are highlighted").isEqualTo(drawn);
        browser.js("document.getElementById('slice-0').scrollIntoView({block: 'center'})");
        browser.waitFor("return !!window.echarts && !!echarts.getInstanceByDom(document.getElementById('slice-0'))");
        assertThat(pointCount("slice-0", 0)).as("slices draw the same sample").isLessThanOrEqualTo(10L);
        assertThat(browser.js("return echarts.getInstanceByDom(document.getElementById('slice-0')).getOption().title[0].text"))
                .asString().endsWith("of 32 trials)");
    }

    @Test
    void aClickOnABrushedAxisOutsideItsIntervalClearsTheBrush() {
        long selected = brushTheFirstAxis("");
        assertThat(parallel("count('active')")).as("every trial is drawn: the highlighted lines are the server's selection")
                .isEqualTo(selected);
        WebElement chart = browser.driver().findElement(By.id("parallel"));
        new Actions(browser.driver()).moveToElement(chart, 60 - chart.getSize().getWidth() / 2,
                chart.getSize().getHeight() / 2 - 40).click().perform();
        browser.waitFor("return document.getElementById('trial-count').textContent === '40 trials'");
        assertThat(parallel("intervals('param:x').length")).isEqualTo(0L);
        assertThat(parallel("count('active')")).isEqualTo(0L);
        assertThat(browser.js("return document.getElementById('brush-filter').style.display")).isEqualTo("none");
        browser.waitFor("return TL.HistoryChart.of(document.getElementById('history')).count('selected') === 0");
    }

    @Test
    void aSecondIntervalDrawnWithShiftOnTheSameAxisWidensTheSelection() {
        long first = brushTheFirstAxis("");
        WebElement chart = browser.driver().findElement(By.id("parallel"));
        int height = chart.getSize().getHeight();
        int x = 60 - chart.getSize().getWidth() / 2;
        // with Shift, a drag over the axis' lowest quarter, ending below the axis (its lowest value: the brush is clamped)
        new Actions(browser.driver()).keyDown(org.openqa.selenium.Keys.SHIFT)
                .moveToElement(chart, x, height / 2 - 30 - (height - 90) / 4).clickAndHold()
                .moveByOffset(0, (height - 90) / 4 + 10).release().keyUp(org.openqa.selenium.Keys.SHIFT).perform();
        browser.waitFor("return document.getElementById('brush-filter').textContent.includes(' OR ')");
        assertThat(parallel("intervals('param:x').length")).isEqualTo(2L);
        browser.waitFor("return TL.HistoryChart.of(document.getElementById('history')).count('selected') > " + first);
        long both = historyCount("selected");
        browser.waitFor("return document.getElementById('trial-count').textContent === '" + both + " trials'");
        assertThat(parallel("count('active')")).isEqualTo(both);
    }

    @Test
    void brushingACategoricalAxisSelectsTheChoicesItSpans() {
        browser.open(url("/study.html?id=" + studyId(SampleStudies.QUADRATIC)));
        browser.waitFor("return document.getElementById('trial-count').textContent === '40 trials'");
        WebElement chart = browser.driver().findElement(By.id("parallel"));
        browser.js("arguments[0].scrollIntoView({block: 'center'})", chart);
        assertThat(parallel("axes().map(a => a.id + ' ' + a.type)"))
                .isEqualTo(List.of("param:x value", "param:lr log", "param:optimizer category", "objective value"));
        assertThat(parallel("axes()[2].labels")).as("a categorical axis' choices").isEqualTo(List.of("sgd", "adam"));
        assertThat(parallel("axes()[1].labels.every(l => Number.isInteger(Math.log10(Number(l))))"))
                .as("a log axis ticks its decades").isEqualTo(true);
        @SuppressWarnings("unchecked")
        Map<String, Number> axis = (Map<String, Number>) parallel("axisBox('param:optimizer')");
        int x = (int) Math.round(axis.get("x").doubleValue()) - chart.getSize().getWidth() / 2;
        int top = axis.get("top").intValue() - chart.getSize().getHeight() / 2;
        int bottom = axis.get("bottom").intValue() - chart.getSize().getHeight() / 2;
        // the upper band is the second choice (adam): a drag within it selects that choice alone
        new Actions(browser.driver()).moveToElement(chart, x, top + 5).clickAndHold()
                .moveByOffset(0, (bottom - top) / 3).release().perform();
        browser.waitFor("return document.getElementById('brush-filter').textContent.includes('\"params.optimizer\" = \"adam\"')");
        assertThat(parallel("intervals('param:optimizer')")).isEqualTo(List.of(List.of(1L, 1L)));
        long adam = storage.trials(studyId(SampleStudies.QUADRATIC), EnumSet.of(TrialState.COMPLETE)).stream()
                .filter(t -> "adam".equals(t.params().get("optimizer"))).count();
        browser.waitFor("return document.getElementById('trial-count').textContent === '" + adam + " trials'");
        assertThat(parallel("count('active')")).isEqualTo(adam);
        assertThat(parallel("title()")).asString().contains(adam + " brushed, " + adam + " of them drawn");
    }

    @Test
    void twoThousandLinesAreDrawnColouredByValueAndAnIntervalIsMovedAndResizedByMouse() {
        browser.open(url("/study.html?id=" + studyId(SampleStudies.QUADRATIC)));
        browser.js("window.scrollTo(0, 0)");
        double ms = ((Number) browser.js(PARALLEL, 2000)).doubleValue();
        System.out.printf("parallel chart: 2,000 lines drawn in %.1f ms%n", ms);
        assertThat(browser.js("return __p.count('lines')")).isEqualTo(2000L);
        assertThat(browser.js("return __p.axes().map(a => a.labels.join(','))"))
                .isEqualTo(List.of("0,20,40,60,80,100", "1,10,100,1000", "a,b,c", "0,0.2,0.4,0.6,0.8,1"));
        // two lines alone: the lowest value's line is blue, the highest's red, where they cross the middle of the last gap
        browser.js("__m.n = 2; __m.opacity = 1; __m.number = __m.number.slice(0, 2);"
                + " __m.columns = __m.columns.map(c => c.slice(0, 2)); __m.columns[3][0] = 0; __m.columns[3][1] = 1;"
                + " return __p.draw(__m)");
        assertThat(pixelBetweenTheLastAxes(0)).as("the lowest value's line, blue").matches(c -> c.get(2) > c.get(0) + 40, "blue");
        assertThat(pixelBetweenTheLastAxes(1)).as("the highest value's line, red").matches(c -> c.get(0) > c.get(2) + 40, "red");
        browser.js(PARALLEL, 2000);
        WebElement div = browser.driver().findElement(By.id("parallel-test"));
        @SuppressWarnings("unchecked")
        Map<String, Number> axis = (Map<String, Number>) browser.js("return __p.axisBox('a0')");
        int x = axis.get("x").intValue() - 500, top = axis.get("top").intValue() - 230, bottom = axis.get("bottom").intValue() - 230;
        int h = bottom - top;
        // a drag over the upper half of the first axis (0 to 100): about [50, 100]
        new Actions(browser.driver()).moveToElement(div, x, top).clickAndHold().moveByOffset(0, h / 2).release().perform();
        assertThat(interval("a0")).satisfies(iv -> {
            assertThat(iv[0]).isCloseTo(50, org.assertj.core.data.Offset.offset(1.0));
            assertThat(iv[1]).isCloseTo(100, org.assertj.core.data.Offset.offset(1.0));
        });
        assertThat(browser.js("return __events.length")).isEqualTo(1L);
        long active = (Long) browser.js("return __p.count('active')");
        assertThat(active).isEqualTo((Long) browser.js("return Array.from(__m.columns[0]).filter(v => v >= __p.intervals('a0')[0][0]"
                + " && v <= __p.intervals('a0')[0][1]).length")).isBetween(800L, 1200L);
        // dragging inside the interval moves it down a quarter: about [25, 75]
        new Actions(browser.driver()).moveToElement(div, x, top + h / 4).clickAndHold().moveByOffset(0, h / 4).release().perform();
        assertThat(interval("a0")).satisfies(iv -> {
            assertThat(iv[0]).isCloseTo(25, org.assertj.core.data.Offset.offset(1.0));
            assertThat(iv[1]).isCloseTo(75, org.assertj.core.data.Offset.offset(1.0));
        });
        // dragging its upper end down to the middle resizes it: about [25, 50]
        new Actions(browser.driver()).moveToElement(div, x, top + h / 4).clickAndHold().moveByOffset(0, h / 4).release().perform();
        assertThat(interval("a0")[1]).isCloseTo(50, org.assertj.core.data.Offset.offset(1.0));
        assertThat(browser.js("return __events.map(e => e.parallelAxisId + ' ' + e.intervals.length)"))
                .isEqualTo(List.of("a0 1", "a0 1", "a0 1"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBestTrialsGetTheBestColourWhetherTheStudyMinimizesOrMaximizes() {
        for (Direction direction : List.of(Direction.MINIMIZE, Direction.MAXIMIZE)) {
            InMemoryStorage own = new InMemoryStorage();
            Study study = Study.builder("colours").storage(own).direction(direction).seed(1).create();
            for (int i = 0; i < 10; i++) {
                study.enqueueTrial(Map.of("x", i / 10.0));
            }
            study.optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.trials(10).withParallelism(1));
            int best = direction == Direction.MAXIMIZE ? 9 : 0, worst = 9 - best;
            DashboardServer colours = new DashboardServer(new StorageDashboardData(own, 0), 0).start();
            try {
                browser.open("http://127.0.0.1:" + colours.port() + "/study.html?id=" + study.studyId());
                browser.js("window.scrollTo(0, 0)");
                assertThat(parallelPixel(best)).as(direction + ": the best trial's line, blue")
                        .matches(c -> c.get(2) > c.get(0) + 20, "blue");
                assertThat(parallelPixel(worst)).as(direction + ": the worst trial's line, red")
                        .matches(c -> c.get(0) > c.get(2) + 20, "red");
                browser.js("document.getElementById('contour').scrollIntoView({block: 'center'})");
                browser.waitFor("return !!window.echarts && !!echarts.getInstanceByDom(document.getElementById('contour'))"
                        + " && echarts.getInstanceByDom(document.getElementById('contour')).getOption().series.length > 0");
                List<String> scale = (List<String>) browser.js("return echarts.getInstanceByDom(document.getElementById('contour'))"
                        + ".getOption().visualMap[0].inRange.color");
                assertThat(direction == Direction.MAXIMIZE ? scale.get(scale.size() - 1) : scale.get(0))
                        .as(direction + ": the contour's best end, the same blue").isEqualTo("#2b59c3");
                browser.screenshot("study-colours-" + direction.name().toLowerCase(java.util.Locale.ROOT));
            } finally {
                colours.stop();
            }
        }
    }

    /**
     * The [r, g, b] of trial number's line on the study page's parallel coordinates, halfway between its last two axes (the
     * darkest of the 3 x 3 pixels there; drawn at opacity 0.45 over white).
     */
    @SuppressWarnings("unchecked")
    private static List<Long> parallelPixel(int number) {
        return (List<Long>) browser.js("const div = document.getElementById('parallel');"
                + " const pts = TL.ParallelChart.of(div).screenOf(arguments[0]), a = pts[pts.length - 2], b = pts[pts.length - 1];"
                + " const c = div.querySelector('canvas'), dpr = window.devicePixelRatio || 1;"
                + " const x = Math.floor((a[0] + b[0]) / 2 * dpr), y = Math.floor((a[1] + b[1]) / 2 * dpr);"
                + " const d = c.getContext('2d').getImageData(x - 1, y - 1, 3, 3).data; let best = [255, 255, 255];"
                + " for (let i = 0; i < d.length; i += 4)"
                + "   if (d[i] + d[i + 1] + d[i + 2] < best[0] + best[1] + best[2]) best = [d[i], d[i + 1], d[i + 2]];"
                + " return best", number);
    }

    /** A seeded model of n lines over a value axis, a log axis, a category axis and the colour axis, drawn in a new 1000 x 460 div. */
    private static final String PARALLEL = """
            const n = arguments[0];
            let seed = 99; const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
            const columns = [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)];
            for (let i = 0; i < n; i++) {
              columns[0][i] = 100 * rnd(); columns[1][i] = Math.pow(10, 3 * rnd()); columns[2][i] = Math.floor(3 * rnd());
              columns[3][i] = rnd();
            }
            columns[0][0] = 0; columns[0][1] = 100;
            const old = document.getElementById('parallel-test'); if (old) old.remove();
            const div = document.createElement('div'); div.id = 'parallel-test';
            div.style.cssText = 'width: 1000px; height: 460px; position: absolute; left: 0; top: 0; background: #fff; z-index: 9';
            document.body.append(div);
            window.__events = [];
            window.__m = {title: 'test', n, number: Int32Array.from({length: n}, (_, i) => i), columns, colour: 3, opacity: 0.45,
              axes: [{id: 'a0', name: 'a', type: 'value', range: [0, 100]}, {id: 'a1', name: 'b', type: 'log', range: [1, 1000]},
                {id: 'a2', name: 'c', type: 'category', choices: ['a', 'b', 'c']}, {id: 'v', name: 'value', type: 'value', range: [0, 1]}]};
            window.__p = TL.ParallelChart(div, {onBrush: e => __events.push(e)});
            const t0 = performance.now();
            return __p.draw(__m).then(() => performance.now() - t0);
            """;

    /** The [r, g, b] where line i crosses the middle between the last two axes (the darkest of the 3 x 3 pixels there). */
    @SuppressWarnings("unchecked")
    private static List<Long> pixelBetweenTheLastAxes(int line) {
        return (List<Long>) browser.js("const pts = __p.screenOf(arguments[0]), a = pts[2], b = pts[3];"
                + " const c = document.querySelector('#parallel-test canvas'), dpr = window.devicePixelRatio || 1;"
                + " const x = Math.floor((a[0] + b[0]) / 2 * dpr), y = Math.floor((a[1] + b[1]) / 2 * dpr);"
                + " const d = c.getContext('2d').getImageData(x - 1, y - 1, 3, 3).data; let best = [255, 255, 255];"
                + " for (let i = 0; i < d.length; i += 4)"
                + "   if (d[i] + d[i + 1] + d[i + 2] < best[0] + best[1] + best[2]) best = [d[i], d[i + 1], d[i + 2]];"
                + " return best", line);
    }

    private static double[] interval(String axis) {
        @SuppressWarnings("unchecked")
        List<List<Number>> intervals = (List<List<Number>>) browser.js("return __p.intervals(arguments[0])", axis);
        assertThat(intervals).hasSize(1);
        return new double[] {intervals.get(0).get(0).doubleValue(), intervals.get(0).get(1).doubleValue()};
    }

    @Test
    void aTouchOrPenDragAlongAnAxisBrushesItAsAMouseDragDoesWithoutScrollingThePage() {
        long byMouse = brushTheFirstAxis("", PointerInput.Kind.MOUSE);
        for (PointerInput.Kind kind : List.of(PointerInput.Kind.TOUCH, PointerInput.Kind.PEN)) {
            long scrolled = (Long) browser.js("return Math.round(window.scrollY)");
            assertThat(brushTheFirstAxis("", kind)).as("a %s drag selects the trials a mouse drag does", kind).isEqualTo(byMouse);
            assertThat(browser.js("return window.__pointerTypes")).as("the drag was made by a %s", kind)
                    .isEqualTo(List.of(kind.name().toLowerCase(java.util.Locale.ROOT)));
            assertThat(parallel("intervals('param:x').length")).isEqualTo(1L);
            assertThat(browser.js("return Math.round(window.scrollY)")).as("the drag brushed, it did not scroll the page")
                    .isEqualTo(scrolled);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFingerDraggingBetweenTheParallelAxesScrollsThePageAndBrushesNothing() {
        browser.open(url("/study.html?id=" + studyId(SampleStudies.QUADRATIC)));
        browser.waitFor("return document.getElementById('trial-count').textContent === '40 trials'");
        WebElement chart = browser.driver().findElement(By.id("parallel"));
        browser.js("arguments[0].scrollIntoView({block: 'center'})", chart);
        browser.waitFor("return TL.ParallelChart.of(document.getElementById('parallel')).axes().length >= 2");
        List<Map<String, Object>> axes = (List<Map<String, Object>>) parallel("axes()");
        Map<String, Number> first = (Map<String, Number>) parallel("axisBox('" + axes.get(0).get("id") + "')");
        Map<String, Number> second = (Map<String, Number>) parallel("axisBox('" + axes.get(1).get("id") + "')");
        int between = (int) Math.round((first.get("x").doubleValue() + second.get("x").doubleValue()) / 2);
        int middle = (int) Math.round((first.get("top").doubleValue() + first.get("bottom").doubleValue()) / 2);
        long before = (Long) browser.js("return Math.round(window.scrollY)");
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        Sequence swipe = new Sequence(finger, 0)
                .addAction(finger.createPointerMove(Duration.ZERO, PointerInput.Origin.fromElement(chart),
                        between - chart.getSize().getWidth() / 2, middle + 60 - chart.getSize().getHeight() / 2))
                .addAction(finger.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
                .addAction(finger.createPointerMove(Duration.ofMillis(250), PointerInput.Origin.pointer(), 0, -120))
                .addAction(finger.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        browser.driver().perform(List.of(swipe));
        browser.waitFor("return Math.round(window.scrollY) > " + before);
        for (Map<String, Object> axis : axes) {
            assertThat(parallel("intervals('" + axis.get("id") + "').length")).as("axis %s", axis.get("id")).isEqualTo(0L);
        }
        assertThat(browser.js("return document.getElementById('trial-count').textContent")).isEqualTo("40 trials");
    }

    /** Brushes the top third of the parallel plot's first axis by mouse; the number of trials selected. */
    private long brushTheFirstAxis(String query) {
        return brushTheFirstAxis(query, PointerInput.Kind.MOUSE);
    }

    /**
     * Brushes the top third of the parallel plot's first axis with a pointer of the given kind; the number of trials
     * selected. The page's {@code window.__pointerTypes} lists the pointer types of the drag's pointerdown events.
     */
    private long brushTheFirstAxis(String query, PointerInput.Kind kind) {
        browser.open(url("/study.html?id=" + studyId(SampleStudies.QUADRATIC) + query));
        browser.waitFor("return document.getElementById('trial-count').textContent === '40 trials'");
        WebElement chart = browser.driver().findElement(By.id("parallel"));
        browser.js("arguments[0].scrollIntoView({block: 'center'})", chart);
        browser.js("window.__pointerTypes = []; document.addEventListener('pointerdown', e => __pointerTypes.push(e.pointerType), true)");
        int height = chart.getSize().getHeight();
        int width = chart.getSize().getWidth();
        // The first axis (x) sits at the chart's left edge (60 px); drag down along it.
        PointerInput pointer = new PointerInput(kind, kind.name().toLowerCase(java.util.Locale.ROOT));
        Sequence drag = new Sequence(pointer, 0)
                .addAction(pointer.createPointerMove(Duration.ZERO, PointerInput.Origin.fromElement(chart),
                        60 - width / 2, 70 - height / 2))
                .addAction(pointer.createPointerDown(PointerInput.MouseButton.LEFT.asArg()))
                .addAction(pointer.createPointerMove(Duration.ofMillis(250), PointerInput.Origin.pointer(), 0, (height - 100) / 3))
                .addAction(pointer.createPointerUp(PointerInput.MouseButton.LEFT.asArg()));
        browser.driver().perform(List.of(drag));
        browser.waitFor("return document.getElementById('brush-filter').textContent.includes('\"params.x\" >=')");
        browser.waitFor("return /^\\d+ trials$/.test(document.getElementById('trial-count').textContent)"
                + " && document.getElementById('trial-count').textContent !== '40 trials'");
        long selected = historyCount("selected");
        assertThat(selected).isBetween(1L, 31L);
        assertThat(browser.js("return document.getElementById('trial-count').textContent")).isEqualTo(selected + " trials");
        assertThat(browser.js("return document.querySelectorAll('.vt-row').length")).isEqualTo(Math.min(selected, 25L));
        assertThat(browser.js("return performance.getEntriesByType('resource').some(r => /\\/sample\\?.*&brush=/.test(r.name))"))
                .as("the server selected the brushed trials").isEqualTo(true);
        assertThat(parallel("title()"))
                .as("the server's count of every brushed trial").asString().contains(selected + " brushed, ");
        return selected;
    }

    @Test
    void aLogAxisThatNoDrawnLineHasAValueOnIsDrawnAsALinearZeroToOneAxis() {
        // a conditional log-scale parameter no COMPLETE trial of the sample has yet (the demo study's n_units_l2)
        browser.open(url("/study.html?id=" + studyId(SampleStudies.QUADRATIC)));
        List<?> labels = (List<?>) browser.js("""
                const div = document.createElement('div'); div.id = 'parallel-empty-axis';
                div.style.cssText = 'width: 600px; height: 300px; position: absolute; left: 0; top: 0';
                document.body.append(div);
                const p = TL.ParallelChart(div, {onBrush: () => {}});
                const m = {title: 'empty axis', n: 2, number: Int32Array.of(0, 1), colour: 1, opacity: 0.45,
                  columns: [Float64Array.of(NaN, NaN), Float64Array.of(0.2, 0.8)],
                  axes: [{id: 'units', name: 'units', type: 'log', range: null}, {id: 'v', name: 'value', type: 'value', range: [0, 1]}]};
                return p.draw(m).then(() => p.axes()[0].labels);
                """);
        assertThat(labels.stream().map(String::valueOf).toList()).contains("0", "1");
    }

    /**
     * The whole study page over a study shaped like the demo's (examples/fashion-mlp.yaml): a layer's width is a
     * log-scale integer that exists only in trials with that many layers, and the deepest trials are all pruned, so
     * the space names n_units_l2 while no COMPLETE trial has it; a log-scale learning rate beside it.
     */
    @Test
    void aStudyWhoseConditionalLogScaleParameterNoCompleteTrialHasIsDrawnWholeWithoutAScriptError() {
        InMemoryStorage layers = new InMemoryStorage();
        Study study = Study.builder("layers").storage(layers).seed(5).create();
        study.optimize(trial -> {
            int hidden = trial.suggestInt("n_hidden", 1, 3);
            double size = 0;
            for (int l = 0; l < hidden; l++) {
                size += Math.log(trial.suggestInt("n_units_l" + l, 32, 512, RangeOptions.log()));
            }
            double lr = trial.suggestFloat("learning_rate", 3e-4, 3e-2, RangeOptions.log());
            String activation = trial.suggestCategorical("activation", List.of("relu", "elu"));
            if (hidden == 3) {
                throw new TrialPrunedException(); // the deepest nets stopped early, as ASHA does in the demo
            }
            return size / 10 + Math.abs(Math.log10(lr) + 2) + ("elu".equals(activation) ? 0.1 : 0);
        }, OptimizeOptions.trials(24).withParallelism(1));
        long id = layers.findStudy("layers").orElseThrow().id();
        List<FrozenTrial> complete = layers.trials(id, EnumSet.of(TrialState.COMPLETE));
        assertThat(complete).as("some COMPLETE trials, none with n_units_l2").isNotEmpty()
                .noneMatch(t -> t.params().containsKey("n_units_l2"));
        assertThat(layers.trials(id, EnumSet.of(TrialState.PRUNED))).as("a pruned trial has it")
                .anyMatch(t -> t.params().containsKey("n_units_l2"));
        DashboardServer own = new DashboardServer(new StorageDashboardData(layers, 0), 0).start();
        try {
            browser.consoleLog(); // what earlier pages logged
            browser.open("http://127.0.0.1:" + own.port() + "/study.html?id=" + id);
            browser.screenshot("study-conditional-log");
            assertThat(historyCount("trials")).as("every COMPLETE trial in the history").isEqualTo(complete.size());
            assertThat(strings(browser.js("return TL.ImportanceChart.of(document.getElementById('importance')).params()")))
                    .contains("learning_rate", "n_hidden");
            assertThat(strings(parallel("axes().map(a => a.id + ' ' + a.type)")))
                    .contains("param:n_units_l2 log", "param:learning_rate log", "objective value");
            assertThat(strings(parallel("axes().find(a => a.id === 'param:n_units_l2').labels")))
                    .as("the axis no line has a value on spans [0, 1]").contains("0", "1");
            assertThat(strings(parallel("axes().find(a => a.id === 'param:n_hidden').labels")))
                    .as("an integer parameter's axis has whole ticks").isNotEmpty().allMatch(l -> l.matches("\\d+"));
            assertThat(parallel("count('lines')")).isEqualTo((long) complete.size());
            assertThat(browser.consoleLog().lines().filter(l -> !l.contains("/favicon.ico"))).as("no script error")
                    .noneMatch(l -> l.startsWith("SEVERE"));
        } finally {
            own.stop();
        }
    }

    @Test
    void aHundredThousandPointsAreDrawnAndEachIsFoundUnderThePointer() {
        browser.open(url("/study.html?id=" + storage.findStudy(SampleStudies.QUADRATIC).orElseThrow().id()));
        double ms = ((Number) browser.js(SYNTHETIC, 100_000, false)).doubleValue();
        System.out.printf("history chart: 100,000 points drawn in %.1f ms%n", ms);
        assertThat(browser.js("return __c.count('trials')")).isEqualTo(99_900L);
        assertThat(browser.js("return __c.count('infeasible')")).isEqualTo(100L);
        assertThat(browser.js("return __c.count('best so far')")).isEqualTo((long) ((List<?>) browser.js("return __h.line")).size());
        for (int i : new int[] {0, 1, 4_321, 50_000, 99_998, 99_999}) {
            assertThat(browser.js("const [x, y] = __c.screenOf(__h.number[arguments[0]]); const p = __c.pointAt(x, y);"
                    + " return [p.number, p.series]", i))
                    .as("the point of trial %d, found under the pointer", 2 * i)
                    .isEqualTo(List.of(2L * i, i % 1000 == 999 ? "infeasible" : "trials"));
            assertThat(browser.js("const d = __d, [x, y] = __c.screenOf(__h.number[arguments[0]]);"
                    + " const [r, g, b] = d.querySelector('canvas').getContext('2d').getImageData(Math.round(x), Math.round(y), 1, 1).data;"
                    + " return r + g + b < 3 * 250", i)).as("a coloured pixel where trial %d is drawn", 2 * i).isEqualTo(true);
        }
        assertThat(browser.js("return __c.pointAt(4, 4)")).as("no point in the title's corner").isNull();
        assertThat(browser.js("const b = __c.legendBox('trials'), d = __d, c = d.querySelector('canvas');"
                + " const r = c.getBoundingClientRect();"
                + " c.dispatchEvent(new MouseEvent('click',"
                + " {clientX: r.left + b.x + b.w / 2, clientY: r.top + b.y + b.h / 2, bubbles: true}));"
                + " const [x, y] = __c.screenOf(__h.number[4321]);"
                + " const p = __c.pointAt(x, y);"
                + " return [__c.hidden('trials'), __c.count('trials'), __c.count('infeasible'), p === null || p.series === 'infeasible']"))
                .as("the legend's entry hides the series: its points are neither counted nor found (an infeasible one may be near)")
                .isEqualTo(List.of(true, 0L, 100L, true));
    }

    @Test
    void aLogAxisPutsEachDecadeAtTheSameHeight() {
        browser.open(url("/study.html?id=" + storage.findStudy(SampleStudies.QUADRATIC).orElseThrow().id()));
        browser.js(SYNTHETIC, 1000, true);
        browser.js("__h.value[0] = 1; __h.value[1] = 10; __h.value[2] = 100; return __c.draw(__h, {log: true})");
        double decade1 = ((Number) browser.js("return __c.screenOf(0)[1] - __c.screenOf(2)[1]")).doubleValue();
        double decade2 = ((Number) browser.js("return __c.screenOf(2)[1] - __c.screenOf(4)[1]")).doubleValue();
        assertThat(decade1).isPositive().isCloseTo(decade2, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void onTheStudyPageHoveringAPointNamesItsTrialAndClickingOpensIt() {
        long study = storage.findStudy(SampleStudies.QUADRATIC).orElseThrow().id();
        browser.open(url("/study.html?id=" + study));
        List<FrozenTrial> trials = storage.trials(study, EnumSet.of(TrialState.COMPLETE));
        // a trial whose point is the one found at its own place (no other point drawn on it)
        FrozenTrial target = trials.stream().filter(t -> Boolean.TRUE.equals(browser.js(
                "const c = TL.HistoryChart.of(document.getElementById('history')), at = c.screenOf(arguments[0]);"
                        + " const p = at && c.pointAt(Math.round(at[0]), Math.round(at[1])); return !!p && p.number === arguments[0]",
                t.number()))).findFirst().orElseThrow();
        WebElement chart = browser.driver().findElement(By.id("history"));
        browser.js("arguments[0].scrollIntoView({block: 'center'})", chart);
        @SuppressWarnings("unchecked")
        List<Number> at = (List<Number>) browser.js("return TL.HistoryChart.of(document.getElementById('history')).screenOf(arguments[0])",
                target.number());
        int x = (int) Math.round(at.get(0).doubleValue()) - chart.getSize().getWidth() / 2;
        int y = (int) Math.round(at.get(1).doubleValue()) - chart.getSize().getHeight() / 2;
        new Actions(browser.driver()).moveToElement(chart, x, y).perform();
        browser.waitFor("return document.querySelector('#history .chart-tip').style.display === 'block'");
        assertThat(browser.driver().findElement(By.cssSelector("#history .chart-tip")).getText())
                .startsWith("trials\ntrial #" + target.number() + ": ");
        new Actions(browser.driver()).moveToElement(chart, x, y).click().perform();
        browser.waitFor("return location.pathname === '/trial.html'");
        assertThat(browser.js("return new URLSearchParams(location.search).get('id')")).isEqualTo(String.valueOf(target.id()));
    }

    @Test
    void scalarsPageOverlaysTheMetricOfTheChosenRuns() {
        browser.open(url("/scalars.html?regex=" + SampleStudies.QUADRATIC));
        assertThat(browser.js("return echarts.getInstanceByDom(document.querySelector('.scalar-card[data-tag=loss] .chart'))"
                + ".getOption().series.length"))
                .isEqualTo(20L);
        assertThat(browser.js("return echarts.getInstanceByDom(document.querySelector('.scalar-card[data-tag=loss] .chart'))"
                + ".getOption().series[0].data.length"))
                .isEqualTo((long) SampleStudies.STEPS);
        browser.screenshot("scalars");
    }

    @Test
    void aStudyStoppedByFailFastShowsTheSharedErrorOnItsPageAsText() {
        InMemoryStorage own = new InMemoryStorage();
        Study study = Study.builder("fails-fast").storage(own).direction(Direction.MINIMIZE).create();
        study.optimize(trial -> {
            throw new IllegalStateException("<img src=x onerror=window.__xss=1>");
        }, OptimizeOptions.trials(10).withParallelism(1).withCallback(new FailFast(3)));
        DashboardServer other = new DashboardServer(new StorageDashboardData(own, 0), 0).start();
        try {
            browser.open("http://127.0.0.1:" + other.port() + "/study.html?id=" + study.studyId());
            browser.waitFor("return !!document.getElementById('study-stopped')");
            assertThat(browser.driver().findElement(By.id("study-stopped")).getText()).isEqualTo("stopped: the first 3 trials"
                    + " all failed with the same error: IllegalStateException: <img src=x onerror=window.__xss=1>");
            assertThat(browser.js("return window.__xss === undefined")).isEqualTo(true);
            browser.screenshot("study-stopped");
        } finally {
            other.stop();
        }
    }

    @Test
    void trialPageExplainsWhyTheTrialWasPruned() {
        long trialId = storage.trialByNumber(studyId(SampleStudies.QUADRATIC), 4).id();
        browser.open(url("/trial.html?id=" + trialId));
        assertThat(browser.driver().findElement(By.id("why-pruned")).getText()).contains("threshold 0.5").contains("3");
        browser.screenshot("trial-pruned");
    }

    @Test
    void trialPageNamesTheSamplerThatProposedTheTrial() {
        FrozenTrial trial = storage.trialByNumber(studyId(SampleStudies.QUADRATIC), 12);
        String sampler = Sampler.label(trial);
        assertThat(sampler).as("the sample study records its sampler").isNotBlank();
        browser.open(url("/trial.html?id=" + trial.id()));
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("sampler\n" + sampler + "\n");
    }

    @Test
    void comparePageHighlightsTheParametersThatDiffer() {
        long study = studyId(SampleStudies.QUADRATIC);
        long a = storage.trialByNumber(study, 0).id();
        long b = storage.trialByNumber(study, 1).id();
        browser.open(url("/compare.html?trials=" + a + "," + b));
        assertThat(browser.driver().findElements(By.cssSelector("#compare-table tr.diff td:first-child")))
                .extracting(WebElement::getText).contains("x", "lr");
        assertThat(browser.js("return echarts.getInstanceByDom(document.getElementById('compare-chart')).getOption().series.length"))
                .isEqualTo(2L);
        browser.screenshot("compare");
    }

    @Test
    void hostileParameterNamesValuesAndStudyUserAttributesRenderAsText() {
        long study = studyId(SampleStudies.HOSTILE);
        browser.open(url("/trial.html?id=" + storage.trialByNumber(study, 0).id()));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).contains(SampleStudies.HOSTILE);
        assertThat(browser.driver().findElement(By.id("params")).getText()).contains("<b>choice</b>");
        assertThat(browser.driver().findElement(By.id("provenance")).getText())
                .as("the study's user attributes apart, without their storage prefix")
                .contains("Study user attributes\n{\n  \"<i>owner</i>\": \"<b>ana</b>\"\n}").doesNotContain("user_attr:");
        assertThat(browser.driver().findElements(By.cssSelector("main b, main i, main script"))).isEmpty();
        browser.open(url("/study.html?id=" + study));
        assertThat(browser.driver().findElement(By.id("study-name")).getText()).isEqualTo(SampleStudies.HOSTILE);
        assertThat(browser.driver().findElement(By.id("study-user-attrs")).getText())
                .isEqualTo("User attributes\n{\n  \"<i>owner</i>\": \"<b>ana</b>\"\n}");
        assertThat(browser.driver().findElements(By.cssSelector("main b, main i, main script"))).isEmpty();
    }

    @Test
    void summariesViewsDrawHistogramsSlideImagesAndShowHostileTagsAndTextsAsText() {
        browser.open(url("/summaries.html?regex=alert"));
        assertThat(browser.driver().findElements(By.cssSelector("#tag option"))).extracting(WebElement::getText)
                .containsExactly(SampleStudies.HOSTILE_HISTOGRAM_TAG);
        assertThat(browser.driver().findElements(By.cssSelector(".summary-run"))).hasSize(3);
        assertThat(browser.js("return echarts.getInstanceByDom(document.getElementById('histogram-0')).getOption().series.length"))
                .isEqualTo((long) SampleStudies.HOSTILE_HISTOGRAM_STEPS);
        assertThat(pointCount("histogram-0", 4)).isEqualTo(30L);
        assertThat(browser.js("const d = echarts.getInstanceByDom(document.getElementById('histogram-0')).getModel()"
                + ".getSeriesByIndex(4).getData(); let t = 0; for (let i = 0; i < d.count(); i++) t += d.get('count', i);"
                + " return Math.round(t)")).as("the last ridge counts the 500 values of its step").isEqualTo(500L);
        browser.screenshot("summaries-histograms");

        view("distributions", "document.getElementById('distribution-0')");
        // the card is in the page before its chart is drawn (its data is fetched first)
        browser.waitFor("return !!echarts.getInstanceByDom(document.getElementById('distribution-0'))");
        assertThat(browser.js("return echarts.getInstanceByDom(document.getElementById('distribution-0')).getOption().series.length"))
                .isEqualTo(9L);
        assertThat(pointCount("distribution-0", 8)).isEqualTo((long) SampleStudies.HOSTILE_HISTOGRAM_STEPS);

        view("images", "document.getElementById('image-0')");
        assertThat(browser.driver().findElement(By.id("tag")).getText()).isEqualTo(SampleStudies.HOSTILE_IMAGE_TAG);
        String last = (String) browser.js("return document.getElementById('image-0').src");
        browser.js("const s = document.getElementById('slider-0'); s.value = 0; s.dispatchEvent(new Event('input'));");
        assertThat(browser.js("return document.getElementById('image-0').src")).isNotEqualTo(last);
        assertThat(browser.driver().findElement(By.cssSelector(".summary-run .step-label")).getText()).isEqualTo("step 0");
        browser.screenshot("summaries-images");

        view("text", "document.querySelector('.markdown')");
        WebElement text = browser.driver().findElement(By.cssSelector(".summary-run .markdown"));
        assertThat(text.findElement(By.tagName("h3")).getText()).isEqualTo("Report");
        assertThat(text.findElement(By.tagName("strong")).getText()).isEqualTo("bold");
        assertThat(text.getText()).contains("<script>window.__xss=1</script>", "<img src=x onerror=window.__xss=1>",
                "<b>code</b>", "[link](javascript:window.__xss=1)");
        assertThat(text.findElements(By.cssSelector("td")).get(0).getText()).isEqualTo("<i>1</i>");
        assertThat(browser.driver().findElements(By.cssSelector("main script, main img, main b, main i, main a"))).isEmpty();
        assertThat(browser.js("return window.__xss === undefined")).isEqualTo(true);
        browser.screenshot("summaries-text");
    }

    private static void view(String name, String present) {
        browser.driver().findElement(By.cssSelector("#views button[data-view='" + name + "']")).click();
        browser.waitFor("return " + present + " != null");
    }

    @Test
    void modelsPageSaysTheRegistryIsNotConfigured() {
        browser.open(url("/models.html"));
        assertThat(browser.driver().findElement(By.className("error")).getText()).startsWith("501").contains("not configured");
    }

    /** What an expression on the study page's parallel coordinates (TL.ParallelChart) returns. */
    /** A list the page returned, as text. */
    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    private static Object parallel(String expression) {
        return browser.js("return TL.ParallelChart.of(document.getElementById('parallel'))." + expression);
    }

    /** Points (or, for the best-so-far line, vertices) of a series of the history chart. */
    private static long historyCount(String series) {
        return (Long) browser.js("return TL.HistoryChart.of(document.getElementById('history')).count(arguments[0])", series);
    }

    /** Points of a series as the chart holds them (a series' data may be a flat typed array of several dimensions). */
    private static long pointCount(String chart, int series) {
        return (Long) browser.js("return echarts.getInstanceByDom(document.getElementById(arguments[0]))"
                + ".getModel().getSeriesByIndex(arguments[1]).getData().count()", chart, series);
    }

    private static long seriesLength(String chart, int series) {
        return (Long) browser.js("return echarts.getInstanceByDom(document.getElementById(arguments[0]))"
                + ".getOption().series[arguments[1]].data.length", chart, series);
    }
}
