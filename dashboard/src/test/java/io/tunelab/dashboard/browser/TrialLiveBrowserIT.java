package io.tunelab.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.dashboard.server.DashboardServer;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.TrialState;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A trial's page opened while it runs follows its pruner values and shows its final state when it ends; its live
 * updates run one at a time however slowly the server answers.
 */
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class TrialLiveBrowserIT {
    private final InMemoryStorage storage = new InMemoryStorage();
    private long trial;
    private DashboardServer server;
    private Browser browser;

    /** A running trial that reported 0.9 at step 0, its dashboard, and its page open in a browser. */
    @BeforeEach
    void openTheRunningTrialsPage() {
        long study = storage.createStudy("live", List.of(Direction.MINIMIZE)).id();
        trial = storage.createRunningTrial(study).id();
        storage.setIntermediateValue(trial, 0, 0.9);
        server = new DashboardServer(new StorageDashboardData(storage, 0), 0).start();
        browser = new Browser(1400, 1000);
        browser.open("http://127.0.0.1:" + server.port() + "/trial.html?id=" + trial);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aRunningTrialsPageFollowsItsIntermediateValuesAndEndsInItsFinalState() {
        assertThat(browser.js("return document.querySelector('h1 .state').textContent")).isEqualTo("RUNNING");

        storage.setIntermediateValue(trial, 1, 0.5);
        browser.waitFor("return echarts.getInstanceByDom(document.getElementById('intermediate')).getOption()"
                + ".series[0].data.length === 2");

        storage.finishTrial(trial, TrialState.COMPLETE, List.of(0.5), null);
        browser.waitFor("const h = document.querySelector('h1 .state'); return !!h && h.textContent === 'COMPLETE'");
        assertThat((String) browser.js("return document.querySelector('dl.kv').textContent")).contains("minimize 0.5");
    }

    @Test
    void slowAnswersNeverLetTwoUpdatesOverlapAndTheLatestValuesAreDrawn() throws InterruptedException {
        // every read of the trial takes 2.5 s: longer than the 0.6 s between its changes
        browser.js("window.inFlight = 0; window.mostInFlight = 0; window.__fetch = window.fetch;"
                + " window.fetch = async (u, o) => { if (!/\\/api\\/trials\\/\\d+$/.test(String(u))) return window.__fetch(u, o);"
                + " window.mostInFlight = Math.max(window.mostInFlight, ++window.inFlight);"
                + " try { await new Promise(r => setTimeout(r, 2500)); return await window.__fetch(u, o); }"
                + " finally { window.inFlight--; } };");

        for (int step = 1; step <= 8; step++) {
            storage.setIntermediateValue(trial, step, 0.9 - step / 10.0);
            Thread.sleep(600);
        }
        browser.waitFor("return echarts.getInstanceByDom(document.getElementById('intermediate')).getOption()"
                + ".series[0].data.length === 9");

        assertThat(browser.js("return window.mostInFlight")).as("reads of the trial under way at once").isEqualTo(1L);
    }
}
