package io.tunelab.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.dashboard.SampleStudies;
import io.tunelab.dashboard.analysis.BestSoFar;
import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.dashboard.server.DashboardServer;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.FailFast;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.query.ParetoSet;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The pages in headless Chromium against a dashboard over a real small study; screenshots in target/screenshots. */
@org.junit.jupiter.api.Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
class DashboardPagesBrowserIT {
    @TempDir
    static Path dir;
    static InMemoryStorage storage;
    static DashboardServer server;
    static Browser browser;

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
        List<WebElement> names = browser.driver().findElements(By.cssSelector("#studies a.study-name"));
        assertThat(names).extracting(WebElement::getText)
                .containsExactly(SampleStudies.QUADRATIC, SampleStudies.PARETO, SampleStudies.HOSTILE);
        assertThat(browser.js("return window.__xss === undefined && document.querySelectorAll('main script').length === 0"))
                .isEqualTo(true);
        browser.screenshot("studies");
        browser.driver().findElement(By.id("study-search")).sendKeys("quad");
        assertThat(browser.driver().findElements(By.cssSelector("#studies a.study-name"))).hasSize(1);
    }

    @Test
    void studyPageChartsHoldTheStudysTrials() {
        browser.open(url("/study.html?id=" + studyId(SampleStudies.QUADRATIC)));
        assertThat(pointCount("history", 0)).isEqualTo(32);
        assertThat(browser.js("return ArrayBuffer.isView(echarts.getInstanceByDom(document.getElementById('history'))"
                + ".getOption().series[0].data)"))
                .as("the history's points are one typed array, not an object per point").isEqualTo(true);
        assertThat(browser.js("return performance.getEntriesByType('resource').filter(r => /\\/(history|sample)\\?/.test(r.name)).length"))
                .as("the first screen's charts come from the server's history and sample").isEqualTo(2L);
        browser.waitFor("return performance.getEntriesByType('resource').some(r => r.name.includes('/columns?'))");
        assertThat(browser.js("return performance.getEntriesByType('resource').filter(r => r.name.includes('/columns?'))"
                + ".every(r => r.startTime >= Number(document.body.dataset.readyMs))"))
                .as("every trial loads after the page is interactive").isEqualTo(true);
        assertThat(seriesLength("parallel", 0)).isEqualTo(32);
        assertThat(seriesLength("importance", 0)).isEqualTo(3);
        assertThat(browser.js("return echarts.getInstanceByDom(document.getElementById('importance'))"
                + ".getOption().yAxis[0].data.slice(-1)[0]"))
                .isEqualTo("x");
        assertThat(browser.js("return echarts.getInstanceByDom(document.getElementById('importance')).getOption().title[0].subtext"))
                .asString().endsWith(", 32 trials");
        assertThat(browser.js("return TL.StudyCharts.importance({method: 'fANOVA', trials: 100000, sample: 48213, importances: []})"
                + ".title.subtext")).isEqualTo("fANOVA, from 48213 of 100000 trials (sampled)");
        long quadratic = studyId(SampleStudies.QUADRATIC);
        assertThat(browser.js("return echarts.getInstanceByDom(document.getElementById('history')).getOption().series"
                + ".find(s => s.name === 'best so far').data.length"))
                .as("the line the server computed").isEqualTo((long) BestSoFar.of(storage.trials(quadratic,
                        EnumSet.allOf(TrialState.class)), 0, Direction.MINIMIZE).size());
        browser.waitFor("return !!echarts.getInstanceByDom(document.getElementById('curves'))"
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
    void aStudyWithTwoObjectivesDrawsItsParetoFrontFromTheServerBeforeLoadingEveryTrial() {
        browser.open(url("/study.html?id=" + studyId(SampleStudies.PARETO)));
        assertThat(browser.js("return !!echarts.getInstanceByDom(document.getElementById('pareto'))"))
                .as("drawn by the time the page is interactive").isEqualTo(true);
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
    void brushingParallelCoordinatesFiltersTheTrialsTable() {
        long full = brushTheFirstAxis("");
        browser.screenshot("study-brushed");
        long sampled = brushTheFirstAxis("&lines=10");
        assertThat(seriesLength("parallel", 0)).isEqualTo(10);
        assertThat(browser.js("return echarts.getInstanceByDom(document.getElementById('parallel')).getOption().title[0].text"))
                .asString().contains("10 of 32 trials drawn");
        assertThat(sampled).as("brushing a sample of the lines selects among all trials").isEqualTo(full);
        long drawn = Math.min(sampled, Math.max(10 - (32 - sampled), 5));
        assertThat(browser.js("return echarts.getInstanceByDom(document.getElementById('parallel')).getOption().title[0].text"))
                .as("the sample draws the brushed trials, up to half the lines").asString()
                .contains(sampled + " brushed, " + drawn + " of them drawn");
        assertThat(browser.js("const m = echarts.getInstanceByDom(document.getElementById('parallel')).getModel();"
                + " return m.getComponent('parallelAxis', 0).activeIntervals.length"))
                .as("drawing the new sample keeps the brushed interval").isEqualTo(1L);
        browser.js("document.getElementById('slice-0').scrollIntoView({block: 'center'})");
        browser.waitFor("return !!echarts.getInstanceByDom(document.getElementById('slice-0'))");
        assertThat(pointCount("slice-0", 0)).as("slices draw the same sample").isLessThanOrEqualTo(10L);
        assertThat(browser.js("return echarts.getInstanceByDom(document.getElementById('slice-0')).getOption().title[0].text"))
                .asString().endsWith("of 32 trials)");
    }

    /** Brushes the top third of the parallel plot's first axis; the number of trials selected. */
    private long brushTheFirstAxis(String query) {
        browser.open(url("/study.html?id=" + studyId(SampleStudies.QUADRATIC) + query));
        browser.waitFor("return document.getElementById('trial-count').textContent === '40 trials'");
        WebElement chart = browser.driver().findElement(By.id("parallel"));
        browser.js("arguments[0].scrollIntoView({block: 'center'})", chart);
        int height = chart.getSize().getHeight();
        int width = chart.getSize().getWidth();
        // The first axis (x) sits at the parallel component's left edge (60 px); drag down along it.
        new Actions(browser.driver())
                .moveToElement(chart, 60 - width / 2, 70 - height / 2).clickAndHold()
                .moveByOffset(0, (height - 100) / 3).release().perform();
        browser.waitFor("return document.getElementById('brush-filter').textContent.includes('\"params.x\" >=')");
        browser.waitFor("return /^\\d+ trials$/.test(document.getElementById('trial-count').textContent)"
                + " && document.getElementById('trial-count').textContent !== '40 trials'");
        long selected = pointCount("history", 2);
        assertThat(selected).isBetween(1L, 31L);
        assertThat(browser.js("return document.getElementById('trial-count').textContent")).isEqualTo(selected + " trials");
        assertThat(browser.js("return document.querySelectorAll('.vt-row').length")).isEqualTo(Math.min(selected, 25L));
        assertThat(browser.js("return performance.getEntriesByType('resource').some(r => /\\/sample\\?.*&brush=/.test(r.name))"))
                .as("the server selected the brushed trials").isEqualTo(true);
        assertThat(browser.js("return echarts.getInstanceByDom(document.getElementById('parallel')).getOption().title[0].text"))
                .as("the server's count of every brushed trial").asString().contains(selected + " brushed, ");
        return selected;
    }

    @Test
    void scalarsPageOverlaysTheMetricOfTheChosenRuns() {
        browser.open(url("/scalars.html?regex=" + SampleStudies.QUADRATIC));
        assertThat(browser.js("return echarts.getInstanceByDom(document.getElementById('scalars-chart')).getOption().series.length"))
                .isEqualTo(20L);
        assertThat(browser.js("return echarts.getInstanceByDom(document.getElementById('scalars-chart'))"
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
    void hostileParameterNamesAndValuesRenderAsText() {
        long study = studyId(SampleStudies.HOSTILE);
        browser.open(url("/trial.html?id=" + storage.trialByNumber(study, 0).id()));
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).contains(SampleStudies.HOSTILE);
        assertThat(browser.driver().findElement(By.id("params")).getText()).contains("<b>choice</b>");
        assertThat(browser.driver().findElements(By.cssSelector("main b, main i, main script"))).isEmpty();
        browser.open(url("/study.html?id=" + study));
        assertThat(browser.driver().findElement(By.id("study-name")).getText()).isEqualTo(SampleStudies.HOSTILE);
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
