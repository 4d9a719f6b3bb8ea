package io.tunelab.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.dashboard.server.DashboardServer;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.TrialState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a page shows fits where it is shown: the infeasible badge in its table cell, long attributes in the page's width. */
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class LayoutBrowserIT {

    /**
     * For each chart canvas of the page (the history's, the parallel coordinates' and ECharts'): whether ink (a pixel
     * neither transparent nor near white) touches its left or right edge or its bottom row, where a label drawn past the
     * canvas is cut off. The chart's id and the edge, e.g. "history: left", for each.
     */
    private static final String INK_AT_THE_EDGES = """
            const out = [];
            for (const chart of document.querySelectorAll('#main .chart')) {
              for (const c of chart.querySelectorAll('canvas')) {
                if (!c.width || !c.height) continue;
                const ctx = c.getContext('2d', {willReadFrequently: true});
                const inked = (x, y, w, h) => {
                  const d = ctx.getImageData(x, y, w, h).data;
                  for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 64 && d[i] + d[i + 1] + d[i + 2] < 600) return true;
                  return false;
                };
                const dpr = c.width / c.getBoundingClientRect().width, px = Math.max(1, Math.round(dpr));
                if (inked(0, 0, px, c.height)) out.push(chart.id + ': left');
                if (inked(c.width - px, 0, px, c.height)) out.push(chart.id + ': right');
                if (inked(0, c.height - px, c.width, px)) out.push(chart.id + ': bottom');
              }
            }
            return [...new Set(out)];""";

    @Test
    @SuppressWarnings("unchecked")
    void theStudyChartsDrawTheirTickLabelsAndAxisNamesInsideTheirCanvases() {
        InMemoryStorage storage = new InMemoryStorage();
        // values and parameters whose labels are long: 1.2345e-5, 12345678, a long name, long choices and slot names
        Study one = Study.builder("long-labels").storage(storage).direction(Direction.MINIMIZE).seed(3).create();
        one.optimize(t -> {
            double big = t.suggestFloat("a_rather_long_parameter_name", 1e7, 9e7);
            String choice = t.suggestCategorical("optimizer_with_a_long_name", List.of("stochastic_gradient_descent", "adam_weight_decay"));
            double loss = -1.2e-5 * (1 + big / 1e8) * (choice.startsWith("adam") ? 1 : 2);
            for (int step = 0; step < 3; step++) {
                t.report(step, loss * 12345.678 * (step + 1));
            }
            return loss;
        }, OptimizeOptions.trials(12).withParallelism(1));
        Study two = Study.builder("long-objectives").storage(storage).directions(Direction.MINIMIZE, Direction.MAXIMIZE).seed(4)
                .create();
        storage.setStudySystemAttr(two.studyId(), "study_file",
                "metric: [validation_cross_entropy_loss, validation_top_5_accuracy_on_the_hold_out_set]\n");
        two.optimizeMulti(t -> {
            double x = t.suggestFloat("x", 0, 1);
            return new double[] {-123456.789 * x, -0.000123 * (1 - x) * x};
        }, OptimizeOptions.trials(12).withParallelism(1));
        DashboardServer server = new DashboardServer(new StorageDashboardData(storage, 0), 0).start();
        try (Browser browser = new Browser(1100, 3000)) {
            for (Study study : List.of(one, two)) {
                browser.open("http://127.0.0.1:" + server.port() + "/study.html?id=" + study.studyId());
                browser.waitFor("return !!window.echarts && ['slice-0', 'contour', 'curves', 'timeline']"
                        + ".every(id => echarts.getInstanceByDom(document.getElementById(id))"
                        + " && echarts.getInstanceByDom(document.getElementById(id)).getOption().series.length > 0)"
                        + " && performance.getEntriesByName('trials-loaded').length > 0");
                // the charts drawn again with every trial, and laid out
                browser.js("return new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))");
                browser.screenshot("study-long-labels-" + study.name());
                assertThat((List<String>) browser.js(INK_AT_THE_EDGES)).as(study.name() + ": labels cut off at a canvas' edge")
                        .isEmpty();
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void theInfeasibleBadgeIsDrawnInsideItsCellAndALongAttributeWrapsWithinThePage() {
        InMemoryStorage storage = new InMemoryStorage();
        long study = storage.createStudy("constrained", List.of(Direction.MAXIMIZE)).id();
        long trial = storage.createRunningTrial(study).id();
        storage.setUserAttr(trial, Constraints.USER_ATTR, List.of(0.5));
        storage.setUserAttr(trial, "study_file", "x".repeat(3000));
        storage.finishTrial(trial, TrialState.COMPLETE, List.of(0.9), null);
        DashboardServer server = new DashboardServer(new StorageDashboardData(storage, 0), 0).start();
        try (Browser browser = new Browser(1400, 1000)) {
            browser.open("http://127.0.0.1:" + server.port() + "/trials.html?study=" + study);
            browser.waitFor("return !!document.querySelector('.vt-row .state.infeasible')");
            assertThat(browser.js("""
                    const badge = document.querySelector('.vt-row .state.infeasible').getBoundingClientRect();
                    const cell = document.querySelector('.vt-row .state.infeasible').closest('.vt-row > div');
                    const box = cell.getBoundingClientRect();
                    const padding = parseFloat(getComputedStyle(cell).paddingRight);
                    return badge.right <= box.right - padding + 0.5;""")).as("the badge ends inside its cell's content box")
                    .isEqualTo(true);

            browser.open("http://127.0.0.1:" + server.port() + "/trial.html?id=" + trial);
            assertThat(browser.js("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("a 3,000-character attribute wraps instead of widening the page").isEqualTo(true);
        } finally {
            server.stop();
        }
    }
}
