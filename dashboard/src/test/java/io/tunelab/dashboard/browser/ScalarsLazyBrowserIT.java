package io.tunelab.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.MetricPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scalars page draws a card's chart as it scrolls into view, as TensorBoard does: of forty tags of three runs, the
 * cards within two screens of the viewport get their data in one request, only those near it have a chart, and a
 * collapsed group draws none. A card scrolled more than two screens away gives up its chart and data, and is fetched
 * and drawn again, in its zoom window, when it comes back.
 */
@org.junit.jupiter.api.Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
class ScalarsLazyBrowserIT {
    private static final String DRAWN = "[...document.querySelectorAll('%s .scalar-card')]"
            + ".filter(c => c.querySelector('.chart canvas') && echarts.getInstanceByDom(c.querySelector('.chart'))).length";
    private static final String SERIES_ASKED = "performance.getEntriesByType('resource').filter(e => e.name.includes('/api/series'))";
    private static DashboardSession session;
    private static Browser browser;

    @BeforeAll
    static void start() {
        InMemoryStorage storage = new InMemoryStorage();
        long study = storage.createStudy("many", List.of(Direction.MINIMIZE)).id();
        for (int run = 0; run < 3; run++) {
            long trial = storage.createRunningTrial(study).id();
            List<MetricPoint> points = new ArrayList<>();
            for (int group = 0; group < 4; group++) {
                for (int tag = 0; tag < 10; tag++) {
                    for (int step = 0; step < 20; step++) {
                        points.add(new MetricPoint("g%d/t%02d".formatted(group, tag), step, run + tag + 1.0 / (step + 1),
                                Instant.ofEpochMilli(1000L * step)));
                    }
                }
            }
            storage.logMetrics(trial, points);
        }
        session = DashboardSession.over(storage);
        browser = session.browser();
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static long drawn(String within) {
        return (Long) browser.js("return " + DRAWN.formatted(within));
    }

    @Test
    void onlyTheCardsNearTheViewportAreDrawnAndScrollingDrawsTheNextOnes() {
        browser.open(session.url("/scalars.html?regex=many"));
        assertThat(browser.js("return document.querySelectorAll('.scalar-card').length")).isEqualTo(40L);
        assertThat(browser.js("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/api/series')).length")).as("every tag's data came at once").isEqualTo(1L);
        long first = drawn("");
        assertThat(first).as("cards drawn on the first screen").isBetween(1L, 12L);
        assertThat(drawn("[data-group=g3]")).isZero();

        browser.js("document.querySelector(\".scalar-card[data-tag='g3/t09']\").scrollIntoView()");
        browser.waitFor("return " + DRAWN.formatted("[data-group=g3]") + " > 0");
        assertThat(browser.js("return echarts.getInstanceByDom(document.querySelector(\".scalar-card[data-tag='g3/t09'] .chart\"))"
                + ".getOption().series.filter(s => !s.silent).map(s => s.data.length)")).isEqualTo(List.of(20L, 20L, 20L));
        assertThat(drawn("")).isLessThan(40L);
    }

    @Test
    void aCardScrolledFarAwayReleasesItsChartAndDataAndComesBackInItsZoomWindow() {
        browser.open(session.url("/scalars.html?regex=many"));
        String chart = "document.querySelector(\".scalar-card[data-tag='g0/t00'] .chart\")";
        browser.js("echarts.getInstanceByDom(" + chart + ").dispatchAction({type: 'dataZoom', startValue: 5, endValue: 10})");
        browser.waitFor("return " + SERIES_ASKED + ".some(e => e.name.includes('from=5'))");
        browser.waitFor("return echarts.getInstanceByDom(" + chart + ").getOption().series[0].data.length === 6");

        browser.js("window.scrollTo(0, document.body.scrollHeight)");
        browser.waitFor("return !echarts.getInstanceByDom(" + chart + ") && !" + chart + ".querySelector('canvas')");
        long asked = (Long) browser.js("return " + SERIES_ASKED + ".length");

        browser.js("window.scrollTo(0, 0)");
        browser.waitFor("const c = echarts.getInstanceByDom(" + chart + "); return !!c && c.getOption().series.length > 0");
        assertThat(browser.js("return " + SERIES_ASKED + ".slice(arguments[0])"
                + ".some(e => e.name.includes('name=g0%2Ft00') && e.name.includes('from=5'))", asked))
                .as("its data, released, was fetched again in its zoomed range").isEqualTo(true);
        assertThat(browser.js("const z = echarts.getInstanceByDom(" + chart + ").getOption().dataZoom[0];"
                + " return [z.startValue, z.endValue]"))
                .as("its zoom window").isEqualTo(List.of(5L, 10L));
        assertThat(drawn("")).as("cards drawn at the top again").isBetween(1L, 12L);
    }

    @Test
    void aCollapsedGroupDrawsNoCardUntilItIsExpanded() {
        browser.open(session.url("/scalars.html?regex=many"));
        browser.js("document.querySelector('[data-group=g1] h2').click()");
        assertThat(browser.js("return document.querySelector('[data-group=g1]').classList.contains('collapsed')")).isEqualTo(true);

        browser.js("document.querySelector(\".scalar-card[data-tag='g2/t00']\").scrollIntoView()");
        browser.waitFor("return " + DRAWN.formatted("[data-group=g2]") + " > 0");
        assertThat(drawn("[data-group=g1]")).isZero();

        browser.js("const h = document.querySelector('[data-group=g1] h2'); h.click(); h.scrollIntoView()");
        browser.waitFor("return " + DRAWN.formatted("[data-group=g1]") + " > 0");
    }
}
