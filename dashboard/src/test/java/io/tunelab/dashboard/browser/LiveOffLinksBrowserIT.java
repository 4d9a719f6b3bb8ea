package io.tunelab.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.dashboard.SampleStudies;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;

/**
 * A page opened with {@code ?live=0} (no event stream: see HeadlessScreenshotBrowserIT) leads only to pages opened
 * with it: every link to a dashboard page it draws, and every page it goes to itself (a trial opened from the
 * optimisation history, the comparison of the selected trials), carries {@code live=0} over.
 */
@org.junit.jupiter.api.Timeout(value = 5, unit = TimeUnit.MINUTES)
class LiveOffLinksBrowserIT {
    /** The links on the page to dashboard pages (not the API's downloads) that do not say live=0. */
    private static final String LIVE_LINKS = "return [...document.querySelectorAll('a[href]')].map(a => new URL(a.href))"
            + ".filter(u => u.origin === location.origin && u.pathname.endsWith('.html') && u.searchParams.get('live') !== '0')"
            + ".map(u => u.pathname + u.search)";
    /** How many pages' links the test saw (a page with no link at all would pass vacuously). */
    private static final String PAGE_LINKS = "return [...document.querySelectorAll('a[href]')]"
            + ".filter(a => new URL(a.href).pathname.endsWith('.html')).length";

    @TempDir
    static Path dir;
    static InMemoryStorage storage;
    static DashboardSession session;

    @BeforeAll
    static void start() {
        storage = SampleStudies.create(dir);
        session = DashboardSession.over(storage);
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static Browser browser() {
        return session.browser();
    }

    private static long study() {
        return storage.findStudy(SampleStudies.QUADRATIC).orElseThrow().id();
    }

    /** The complete trials of the sample's quadratic study (points of its optimisation history). */
    private static List<FrozenTrial> trials() {
        return storage.trials(study(), EnumSet.of(TrialState.COMPLETE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/index.html?live=0", "/study.html?id=%1$d&live=0", "/trials.html?study=%1$d&live=0",
        "/trial.html?id=%2$d&live=0", "/compare.html?trials=%2$d,%3$d&live=0", "/scalars.html?live=0", "/models.html?live=0"})
    void everyLinkToADashboardPageCarriesLiveOffOver(String page) {
        browser().open(session.url(page.formatted(study(), trials().get(0).id(), trials().get(1).id())));
        browser().waitFor("return document.querySelectorAll('a[href]').length > 0");
        assertThat(browser().js(LIVE_LINKS)).as("links on %s without live=0", page).isEqualTo(List.of());
        assertThat((Long) browser().js(PAGE_LINKS)).as("links to pages on %s", page).isPositive();
    }

    @Test
    void aStudyFollowedFromTheStudiesListOpensWithoutItsStream() {
        browser().open(session.url("/index.html?live=0"));
        browser().driver().findElement(By.cssSelector("#studies a.study-name")).click();
        browser().waitFor("return location.pathname === '/study.html' && document.body.dataset.ready === '1'");
        assertThat(browser().js("return new URLSearchParams(location.search).get('live')")).isEqualTo("0");
        assertThat(browser().js("return document.getElementById('live').textContent")).isEqualTo("live updates off (?live=0)");
    }

    @Test
    void aTrialOpenedFromTheOptimisationHistoryOpensWithoutItsStream() {
        browser().open(session.url("/study.html?id=" + study() + "&live=0"));
        FrozenTrial first = trials().get(0);
        browser().js("const c = TL.HistoryChart.of(document.getElementById('history')), canvas = document.querySelector('#history canvas');"
                + " const [x, y] = c.screenOf(arguments[0]), r = canvas.getBoundingClientRect();"
                + " canvas.dispatchEvent(new MouseEvent('click', {clientX: r.left + x, clientY: r.top + y, bubbles: true}))",
                first.number());
        browser().waitFor("return location.pathname === '/trial.html'");
        assertThat(browser().js("return location.search")).isEqualTo("?id=" + first.id() + "&live=0");
    }

    @Test
    void theComparisonOfSelectedTrialsOpensWithoutItsStream() {
        browser().open(session.url("/trials.html?study=" + study() + "&live=0"));
        browser().waitFor("return document.querySelectorAll('.vt-body input[type=checkbox]').length >= 2");
        browser().js("[...document.querySelectorAll('.vt-body input[type=checkbox]')].slice(0, 2).forEach(c => c.click())");
        browser().driver().findElement(By.id("compare-selected")).click();
        browser().waitFor("return location.pathname === '/compare.html'");
        assertThat(browser().js("return new URLSearchParams(location.search).get('live')")).isEqualTo("0");
    }
}
