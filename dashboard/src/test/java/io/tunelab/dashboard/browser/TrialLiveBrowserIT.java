package io.tunelab.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.dashboard.server.DashboardServer;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.TrialState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A trial's page opened while it runs follows its pruner values and shows its final state when it ends. */
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class TrialLiveBrowserIT {

    @Test
    void aRunningTrialsPageFollowsItsIntermediateValuesAndEndsInItsFinalState() {
        InMemoryStorage storage = new InMemoryStorage();
        long study = storage.createStudy("live", List.of(Direction.MINIMIZE)).id();
        long trial = storage.createRunningTrial(study).id();
        storage.setIntermediateValue(trial, 0, 0.9);
        DashboardServer server = new DashboardServer(new StorageDashboardData(storage, 0), 0).start();
        try (Browser browser = new Browser(1400, 1000)) {
            browser.open("http://127.0.0.1:" + server.port() + "/trial.html?id=" + trial);
            assertThat(browser.js("return document.querySelector('h1 .state').textContent")).isEqualTo("RUNNING");

            storage.setIntermediateValue(trial, 1, 0.5);
            browser.waitFor("return echarts.getInstanceByDom(document.getElementById('intermediate')).getOption()"
                    + ".series[0].data.length === 2");

            storage.finishTrial(trial, TrialState.COMPLETE, List.of(0.5), null);
            browser.waitFor("const h = document.querySelector('h1 .state'); return !!h && h.textContent === 'COMPLETE'");
            assertThat((String) browser.js("return document.querySelector('dl.kv').textContent")).contains("minimize 0.5");
        } finally {
            server.stop();
        }
    }
}
