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
import org.openqa.selenium.By;

/**
 * The scalars page as TensorBoard's: a card per tag, grouped by prefix, each overlaying the selected runs, loaded in
 * one request; y-axes that ignore outliers unless told not to, a log scale per card, integer ticks on the step axis.
 */
@org.junit.jupiter.api.Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
class ScalarsCardsBrowserIT {
    private static DashboardSession session;
    private static Browser browser;

    @BeforeAll
    static void start() {
        InMemoryStorage storage = new InMemoryStorage();
        long study = storage.createStudy("keras", List.of(Direction.MINIMIZE)).id();
        for (int run = 0; run < 2; run++) {
            long trial = storage.createRunningTrial(study).id();
            List<MetricPoint> points = new ArrayList<>();
            for (int epoch = 0; epoch < 20; epoch++) {
                double loss = epoch == 7 && run == 1 ? 1000.0 : 1.0 / (epoch + 1 + run);
                points.add(point("train/loss", epoch, loss));
                points.add(point("train/accuracy", epoch, 1 - loss / 2));
                points.add(point("validation/loss", epoch, loss * 1.1));
                points.add(point("validation/accuracy", epoch, 1 - loss));
            }
            for (int epoch = 0; epoch < 3; epoch++) {
                points.add(point("epochs/few", epoch, epoch * 0.1 + run));
            }
            if (run == 0) {
                points.add(point("once", 0, 0.5));
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

    private static MetricPoint point(String name, int step, double value) {
        return new MetricPoint(name, step, value, Instant.ofEpochMilli(1000L * step));
    }

    /** The chart of the tag's card, scrolled into view first: a card is drawn as it comes into view. */
    private static String chart(String tag) {
        String card = "document.querySelector(\".scalar-card[data-tag='" + tag + "']\")";
        browser.js(card + ".scrollIntoView({block: 'nearest'})");
        String chart = "echarts.getInstanceByDom(" + card + ".querySelector('.chart'))";
        browser.waitFor("return !!" + chart);
        return chart;
    }

    private static Object axisExtent(String tag, String axis) {
        return browser.js("return " + chart(tag) + ".getModel().getComponent('" + axis + "', 0).axis.scale.getExtent()");
    }

    @Test
    void eachTagIsACardGroupedByItsPrefixWithEverySelectedRunAndAllCameInOneRequest() {
        browser.open(session.url("/scalars.html?regex=keras"));
        assertThat(browser.js("return [...document.querySelectorAll('.tag-group')].map(g => g.dataset.group + ': '"
                + " + [...g.querySelectorAll('.scalar-card')].map(c => c.dataset.tag).join(' '))"))
                .isEqualTo(List.of(": once", "epochs: epochs/few", "train: train/accuracy train/loss",
                        "validation: validation/accuracy validation/loss"));
        assertThat(browser.js("return " + chart("validation/accuracy") + ".getOption().legend[0].data"))
                .isEqualTo(List.of("keras #0", "keras #1"));
        assertThat(browser.js("return performance.getEntriesByType('resource')"
                + ".filter(e => e.name.includes('/api/series')).length")).isEqualTo(1L);
        browser.screenshot("scalars-cards");
    }

    @Test
    void outliersAreLeftOutOfTheYScaleUntilTheToggleIsCleared() {
        browser.open(session.url("/scalars.html?regex=keras"));
        assertThat((List<?>) axisExtent("train/loss", "yAxis")).extracting(v -> ((Number) v).doubleValue())
                .allMatch(v -> v < 10);
        browser.driver().findElement(By.id("scalars-outliers")).click();
        assertThat(((Number) ((List<?>) axisExtent("train/loss", "yAxis")).get(1)).doubleValue()).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void eachCardHasItsOwnLogScale() {
        browser.open(session.url("/scalars.html?regex=keras"));
        browser.driver().findElement(By.cssSelector(".scalar-card[data-tag='train/loss'] .card-log")).click();
        assertThat(browser.js("return " + chart("train/loss") + ".getOption().yAxis[0].type")).isEqualTo("log");
        assertThat(browser.js("return " + chart("validation/loss") + ".getOption().yAxis[0].type")).isEqualTo("value");
    }

    @Test
    void aStepAxisHasWholeTicksAndAOnePointChartHasItsPointInTheMiddle() {
        browser.open(session.url("/scalars.html?regex=keras"));
        assertThat(browser.js("return " + chart("epochs/few") + ".getModel().getComponent('xAxis', 0).axis.scale.getTicks()"
                + ".map(t => t.value).filter(v => !Number.isInteger(v))")).isEqualTo(List.of());
        assertThat(axisExtent("once", "xAxis")).isEqualTo(List.of(-1L, 1L));
    }

    @Test
    void eachCardDownloadsEveryPointOfItsTagOfTheSelectedRunsAsCsvOrJson() {
        browser.open(session.url("/scalars.html?regex=keras"));
        String get = "const x = new XMLHttpRequest();"
                + " x.open('GET', document.querySelector(\".scalar-card[data-tag='train/loss'] .download-%s\").href, false);"
                + " x.send(); return x.getResponseHeader('Content-Disposition') + ' ' + x.responseText.length;";
        assertThat((String) browser.js(get.formatted("csv"))).startsWith("attachment; filename=\"keras-train_loss.csv\" ");
        assertThat((String) browser.js(get.formatted("json"))).startsWith("attachment; filename=\"keras-train_loss.json\" ");
        assertThat(browser.js("const x = new XMLHttpRequest(); x.open('GET', document.querySelector(\".scalar-card[data-tag='once']"
                + " .download-csv\").href, false); x.send(); return x.responseText.trim().split('\\r\\n').slice(1)"
                + ".map(l => l.split(',').slice(0, 5).join(','))"))
                .isEqualTo(List.of("keras,0,once,0,0.5"));
    }
}
