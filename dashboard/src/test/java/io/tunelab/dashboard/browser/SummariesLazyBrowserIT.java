package io.tunelab.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.dashboard.server.DashboardServer;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.summary.Histogram;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.trial.Direction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The Histograms view of many runs draws only the cards near the viewport, as TensorBoard does: the page is ready when
 * every card on screen holds its run's data, a card far down is drawn when scrolled to, and a chart scrolled far
 * away is disposed. Run {@code k} logs {@code 50 + k} values per step, so a ridge's counts say whose data a card holds.
 */
@org.junit.jupiter.api.Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class SummariesLazyBrowserIT {
    private static final int RUNS = 20;
    private static final int STEPS = 10;
    static DashboardServer server;
    static Browser browser;

    @BeforeAll
    static void start() {
        InMemoryStorage storage = new InMemoryStorage();
        long study = storage.createStudy("many", List.of(Direction.MINIMIZE)).id();
        SplittableRandom random = new SplittableRandom(15);
        for (int k = 0; k < RUNS; k++) {
            long trial = storage.createRunningTrial(study).id();
            List<LoggedSummary> histograms = new ArrayList<>();
            for (int step = 0; step < STEPS; step++) {
                histograms.add(new LoggedSummary("weights", step, Instant.ofEpochMilli(1_000L * step),
                        Histogram.of(random.doubles(50 + k).map(u -> u - 0.5).toArray())));
            }
            storage.logSummaries(trial, histograms);
        }
        server = new DashboardServer(new StorageDashboardData(storage, 0), 0).start();
        browser = new Browser(1400, 1000);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.stop();
    }

    @Test
    void onlyCardsOnScreenAreDrawnAtFirstAndACardFarDownIsDrawnWhenScrolledTo() {
        browser.open("http://127.0.0.1:" + server.port() + "/summaries.html?regex=many&select=" + RUNS);
        assertThat(browser.driver().findElements(By.cssSelector(".summary-run"))).hasSize(RUNS);
        List<?> onScreen = (List<?>) browser.js("return [...document.querySelectorAll('#summary-views .chart')].filter(d => {"
                + " const r = d.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; })"
                + ".map(d => Number(d.id.split('-')[1]))");
        assertThat(onScreen).isNotEmpty().hasSizeLessThan(RUNS / 2);
        for (Object k : onScreen) {
            int card = ((Long) k).intValue();
            assertThat(seriesCount(card)).as("card %s is drawn when the page is ready", card).isEqualTo(STEPS);
            assertThat(ridgeTotal(card, STEPS - 1)).as("card %s holds its run's counts", card).isCloseTo(50 + card, within(1e-3));
        }
        assertThat(drawn(RUNS - 1)).isFalse();
        assertThat(browser.js("return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/summaries?'))"
                + ".every(e => new URL(e.name).searchParams.get('trials').split(',').length < " + RUNS + ")")).isEqualTo(true);

        browser.js("document.getElementById('histogram-" + (RUNS - 1) + "').scrollIntoView()");
        browser.waitFor("return !!echarts.getInstanceByDom(document.getElementById('histogram-" + (RUNS - 1) + "'))");
        assertThat(seriesCount(RUNS - 1)).isEqualTo(STEPS);
        assertThat(ridgeTotal(RUNS - 1, 0)).isCloseTo(50 + RUNS - 1, within(1e-3));
        browser.waitFor("return !echarts.getInstanceByDom(document.getElementById('histogram-0'))");
        browser.screenshot("summaries-scrolled");

        browser.js("window.scrollTo(0, 0)");
        browser.waitFor("return !!echarts.getInstanceByDom(document.getElementById('histogram-0'))");
        assertThat(ridgeTotal(0, 0)).isCloseTo(50, within(1e-3));
    }

    private static boolean drawn(int card) {
        return (Boolean) browser.js("return !!echarts.getInstanceByDom(document.getElementById('histogram-' + arguments[0]))", card);
    }

    private static long seriesCount(int card) {
        return (Long) browser.js("return echarts.getInstanceByDom(document.getElementById('histogram-' + arguments[0]))"
                + ".getOption().series.length", card);
    }

    /** The sum of the counts along one ridge of a card: the number of values its run logged at that step. */
    private static double ridgeTotal(int card, int series) {
        return ((Number) browser.js("const d = echarts.getInstanceByDom(document.getElementById('histogram-' + arguments[0]))"
                + ".getModel().getSeriesByIndex(arguments[1]).getData(); let t = 0;"
                + " for (let i = 0; i < d.count(); i++) t += d.get('count', i); return t;", card, series)).doubleValue();
    }

    @Test
    void theHistogramsStepAxisNameIsWithinItsChart() {
        browser.open("http://127.0.0.1:" + server.port() + "/summaries.html?regex=many&select=1");
        Object box = browser.js("const c = echarts.getInstanceByDom(document.getElementById('histogram-0'));"
                + " const t = c.getZr().storage.getDisplayList().find(e => e.style && e.style.text === 'step');"
                + " const r = t.getBoundingRect().clone(); r.applyTransform(t.getComputedTransform());"
                + " return [r.x >= 0, r.y >= 0, r.x + r.width <= c.getWidth(), r.y + r.height <= c.getHeight()];");
        assertThat(box).isEqualTo(List.of(true, true, true, true));
    }
}
