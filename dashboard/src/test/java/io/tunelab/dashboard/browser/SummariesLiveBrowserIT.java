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
import org.junit.jupiter.api.Test;

/**
 * The lazily drawn Histograms view follows running trials: a step logged by a run whose card is on screen becomes a
 * new ridge of that card without reloading the page, holding that step's values.
 */
@org.junit.jupiter.api.Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class SummariesLiveBrowserIT {
    private static final int STEPS = 5;

    private static List<LoggedSummary> steps(int from, int to, int values, SplittableRandom random) {
        List<LoggedSummary> out = new ArrayList<>();
        for (int step = from; step < to; step++) {
            out.add(new LoggedSummary("weights", step, Instant.ofEpochMilli(1_000L * step),
                    Histogram.of(random.doubles(values).map(u -> u - 0.5).toArray())));
        }
        return out;
    }

    @Test
    void aStepLoggedWhileThePageIsOpenBecomesANewRidgeOfItsCard() {
        InMemoryStorage storage = new InMemoryStorage();
        long study = storage.createStudy("growing", List.of(Direction.MINIMIZE)).id();
        SplittableRandom random = new SplittableRandom(16);
        long first = storage.createRunningTrial(study).id();
        long second = storage.createRunningTrial(study).id();
        storage.logSummaries(first, steps(0, STEPS, 40, random));
        storage.logSummaries(second, steps(0, STEPS, 60, random));
        DashboardServer server = new DashboardServer(new StorageDashboardData(storage, 0), 0).start();
        try (Browser browser = new Browser(1400, 1000)) {
            browser.open("http://127.0.0.1:" + server.port() + "/summaries.html?regex=growing&select=2");
            String card = "echarts.getInstanceByDom(document.getElementById('histogram-0'))";
            browser.waitFor("return !!" + card);
            assertThat(browser.js("return " + card + ".getOption().series.length")).isEqualTo((long) STEPS);

            storage.logSummaries(first, steps(STEPS, STEPS + 1, 77, random));

            browser.waitFor("const c = " + card + "; return !!c && c.getOption().series.length === " + (STEPS + 1));
            double newest = ((Number) browser.js("const d = " + card + ".getModel().getSeriesByIndex(" + STEPS + ").getData();"
                    + " let t = 0; for (let i = 0; i < d.count(); i++) t += d.get('count', i); return t;")).doubleValue();
            assertThat(newest).as("the new ridge holds the 77 values of the new step").isCloseTo(77, within(1e-3));
            assertThat(browser.js("return echarts.getInstanceByDom(document.getElementById('histogram-1'))"
                    + ".getOption().series.length")).as("the other run's card is unchanged").isEqualTo((long) STEPS);
            browser.screenshot("summaries-live");
        } finally {
            server.stop();
        }
    }
}
