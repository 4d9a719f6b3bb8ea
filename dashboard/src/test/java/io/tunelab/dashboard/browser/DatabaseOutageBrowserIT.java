package io.tunelab.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.dashboard.OutageData;
import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.dashboard.server.DashboardServer;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.trial.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A page while the database is unreachable shows a banner saying so and keeps asking; when the database answers again
 * the banner goes and the page shows the data, without a reload by hand. Failed live updates back off.
 */
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class DatabaseOutageBrowserIT {
    /** The banner of an unreachable database is shown. */
    static final String BANNER = "const b = document.getElementById('outage');"
            + " return !!b && b.textContent.startsWith('database unreachable — retrying')";
    static final String NO_BANNER = "return !document.getElementById('outage')";
    private static final String STUDY_ROW = "return [...document.querySelectorAll('.study-name')].some(a => a.textContent === 'kept')";

    @Test
    void anOpenPageShowsTheBannerWhileTheDatabaseIsDownAndLosesItWhenItIsBack() {
        OutageData db = oneStudy();
        DashboardServer server = new DashboardServer(db.data(), 0).start();
        try (Browser browser = new Browser(1200, 800)) {
            browser.open("http://127.0.0.1:" + server.port() + "/index.html");
            browser.waitFor(STUDY_ROW);

            db.down = true;
            browser.waitFor(BANNER);
            assertThat((String) browser.js("return document.getElementById('outage').textContent"))
                    .contains(OutageData.MESSAGE);
            browser.screenshot("database-outage-banner");

            db.down = false;
            browser.waitFor(NO_BANNER);
            browser.waitFor(STUDY_ROW);
        } finally {
            server.stop();
        }
    }

    @Test
    void aPageOpenedWhileTheDatabaseIsDownShowsItsDataOnceItIsBack() {
        OutageData db = oneStudy();
        DashboardServer server = new DashboardServer(db.data(), 0).start();
        try (Browser browser = new Browser(1200, 800)) {
            opensDuringAnOutageAndShowsItsDataOnceBack(browser, db, "http://127.0.0.1:" + server.port() + "/index.html", STUDY_ROW);
        } finally {
            server.stop();
        }
    }

    @Test
    void liveUpdatesThatKeepFailingAreTriedOncePerGrowingWaitNotOncePerEvent() throws InterruptedException {
        DashboardServer server = new DashboardServer(new StorageDashboardData(new InMemoryStorage(), 0), 0).start();
        try (Browser browser = new Browser(1200, 800)) {
            browser.open("http://127.0.0.1:" + server.port() + "/index.html");
            browser.js("window.runs = 0; const update = TL.oneAtATime(async () => { window.runs++; throw new Error('timed out'); });"
                    + " window.events = setInterval(update, 50);");
            Thread.sleep(3_500);
            long runs = (Long) browser.js("clearInterval(window.events); return window.runs");

            assertThat(runs).as("updates run in 3.5 s of an event every 50 ms, failing each time (waits 1, 2 s)")
                    .isBetween(2L, 3L);
        } finally {
            server.stop();
        }
    }

    /**
     * Opens {@code url} while {@code db} is down and waits for the banner; brings the database back and waits until the
     * banner is gone and {@code shown} returns true, with no error of the outage left on the page.
     */
    static void opensDuringAnOutageAndShowsItsDataOnceBack(Browser browser, OutageData db, String url, String shown) {
        db.down = true;
        browser.driver().get(url);
        browser.waitFor(BANNER);

        db.down = false;
        browser.waitFor(NO_BANNER);
        browser.waitFor(shown);
        assertThat(browser.js("return document.querySelectorAll('.error').length")).as("errors of the outage").isEqualTo(0L);
    }

    /** The data of a dashboard with one study, "kept", whose database can be stopped. */
    private static OutageData oneStudy() {
        InMemoryStorage storage = new InMemoryStorage();
        storage.createStudy("kept", List.of(Direction.MINIMIZE));
        return new OutageData(new StorageDashboardData(storage, 0));
    }
}
