package io.tunelab.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.dashboard.server.DashboardServer;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.TrialState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a page shows fits where it is shown: the infeasible badge in its table cell, long attributes in the page's width. */
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class LayoutBrowserIT {

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
