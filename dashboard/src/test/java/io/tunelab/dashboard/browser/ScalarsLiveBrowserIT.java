package io.tunelab.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.dashboard.SampleStudies;
import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.dashboard.server.DashboardServer;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.trial.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;

/** The scalars page follows running runs: new points are appended, new matching runs join the chart. */
@org.junit.jupiter.api.Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
class ScalarsLiveBrowserIT {

    @Test
    void newPointsAndNewRunsAppearWithoutReloadingTheSeriesHeld() {
        InMemoryStorage storage = new InMemoryStorage();
        long study = storage.createStudy("live", List.of(Direction.MINIMIZE)).id();
        long first = storage.createRunningTrial(study).id();
        SampleStudies.logLoss(storage, first, 0, 99, 2.0);
        DashboardServer server = new DashboardServer(new StorageDashboardData(storage, 0), 0).start();
        try (Browser browser = new Browser(1400, 1000)) {
            browser.open("http://127.0.0.1:" + server.port() + "/scalars.html?regex=live");
            String chart = "echarts.getInstanceByDom(document.querySelector('.scalar-card[data-tag=loss] .chart')).getOption()";
            assertThat(browser.js("return " + chart + ".series.map(s => s.data.length)")).isEqualTo(List.of(100L, 100L));

            SampleStudies.logLoss(storage, first, 100, 149, 2.0);
            long second = storage.createRunningTrial(study).id();
            SampleStudies.logLoss(storage, second, 0, 9, 2.0);
            browser.waitFor("const o = " + chart + "; return o.series.length === 4 && o.series[0].data.length === 150"
                    + " && o.series[2].data.length === 10");
            assertThat(browser.js("return " + chart + ".legend[0].data")).isEqualTo(List.of("live #0", "live #1"));
            assertThat(browser.js("return performance.getEntriesByType('resource').map(e => e.name)"
                    + ".filter(n => n.includes('/api/series') && n.includes('since=" + first + "%3A99')"
                    + " || n.includes('since=" + first + ":99')).length")).isEqualTo(1L);
            assertThat(browser.js("return document.querySelectorAll('#runs input:checked').length")).isEqualTo(2L);
            browser.screenshot("scalars-live");
        } finally {
            server.stop();
        }
    }

    @Test
    void aZoomedCardKeepsItsWindowWhileNewPointsArriveAndADoubleClickShowsEveryStepAndStaysLive() {
        InMemoryStorage storage = new InMemoryStorage();
        long study = storage.createStudy("zoom", List.of(Direction.MINIMIZE)).id();
        long run = storage.createRunningTrial(study).id();
        SampleStudies.logLoss(storage, run, 0, 99, 2.0);
        DashboardServer server = new DashboardServer(new StorageDashboardData(storage, 0), 0).start();
        try (Browser browser = new Browser(1400, 1000)) {
            browser.open("http://127.0.0.1:" + server.port() + "/scalars.html?regex=zoom");
            String chart = "echarts.getInstanceByDom(document.querySelector('.scalar-card[data-tag=loss] .chart'))";
            String window = "return " + chart + ".getModel().getComponent('xAxis', 0).axis.scale.getExtent()";
            String lastStep = "const d = " + chart + ".getOption().series[0].data; return d[d.length - 1][0]";
            browser.js(chart + ".dispatchAction({type: 'dataZoom', startValue: 20, endValue: 40})");
            browser.waitFor("return performance.getEntriesByType('resource').some(e => e.name.includes('from=20'))");
            browser.waitFor("return " + chart + ".getOption().series[0].data.length === 21");

            SampleStudies.logLoss(storage, run, 100, 149, 2.0);
            browser.waitFor(lastStep.replace("return d[d.length - 1][0]", "return d[d.length - 1][0] === 149"));
            assertThat(browser.js(window)).as("the zoom window, after new points").isEqualTo(List.of(20L, 40L));

            new Actions(browser.driver()).doubleClick(browser.driver().findElement(
                    By.cssSelector(".scalar-card[data-tag=loss] .chart canvas"))).perform();
            browser.waitFor("const e = " + window.substring("return ".length()) + "; return e[0] === 0 && e[1] === 149");
            assertThat(browser.js("return " + chart + ".getOption().series[0].data.length")).isEqualTo(150L);

            SampleStudies.logLoss(storage, run, 150, 159, 2.0);
            browser.waitFor(lastStep.replace("return d[d.length - 1][0]", "return d[d.length - 1][0] === 159"));
        } finally {
            server.stop();
        }
    }

    @Test
    void aPageOpenedBeforeAnyRunLoggedDrawsTheRunsThatStartLaterAndFollowsTheirStates() {
        InMemoryStorage storage = new InMemoryStorage();
        long study = storage.createStudy("later", List.of(Direction.MINIMIZE)).id();
        DashboardServer server = new DashboardServer(new StorageDashboardData(storage, 0), 0).start();
        try (Browser browser = new Browser(1400, 1000)) {
            browser.open("http://127.0.0.1:" + server.port() + "/scalars.html?regex=later");
            String chart = "(echarts.getInstanceByDom(document.querySelector('.scalar-card[data-tag=loss] .chart') || document.body)"
                    + " || {getOption: () => ({series: []})}).getOption()";

            long first = storage.createRunningTrial(study).id();
            long second = storage.createRunningTrial(study).id();
            SampleStudies.logLoss(storage, first, 0, 4, 2.0);
            browser.waitFor("const o = " + chart + "; return o.series.length >= 1 && o.series[0].data.length === 5");

            SampleStudies.logLoss(storage, second, 0, 2, 2.0);
            browser.waitFor("const o = " + chart + "; const s = o.series.find(x => x.name === 'later #1');"
                    + " return !!s && s.data.length === 3");
            storage.finishTrial(first, io.tunelab.search.trial.TrialState.COMPLETE, List.of(0.1), null);
            browser.waitFor("return [...document.querySelectorAll('#runs label')].some(l => l.textContent.includes('complete'))");
        } finally {
            server.stop();
        }
    }
}
