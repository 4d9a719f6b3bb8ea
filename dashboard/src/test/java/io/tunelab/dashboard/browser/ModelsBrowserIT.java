package io.tunelab.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.dashboard.OutageData;
import io.tunelab.dashboard.SampleStudies;
import io.tunelab.dashboard.TestTrackers;
import io.tunelab.dashboard.data.PromoteResult;
import io.tunelab.dashboard.data.Promoter;
import io.tunelab.dashboard.data.TrackerDashboardData;
import io.tunelab.dashboard.server.DashboardServer;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.registry.Change;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Pages over an H2 tracker: a study page taking in a new trial live, the models page promoting a
 * trial and showing the alias move in the audit trail, and the models page resuming after a database outage.
 */
@org.junit.jupiter.api.Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
class ModelsBrowserIT {
    /** The models list names the model, and its versions are shown. */
    private static final String MODEL_SHOWN = "return [...document.querySelectorAll('#models a')]"
            + ".some(a => a.textContent === 'quadratic-best') && !!document.querySelector('#model-detail #versions')";

    @TempDir
    static Path dir;
    static Tracker tracker;
    static DashboardServer server;
    static Browser browser;
    static List<Long> complete;
    static List<Integer> completeNumbers;

    @BeforeAll
    static void start() {
        tracker = Tracker.open(TrackerConfig.inDirectory(dir.resolve("db")));
        SampleStudies.fill(tracker.storage(), dir.resolve("files"));
        long study = tracker.storage().findStudy(SampleStudies.QUADRATIC).orElseThrow().id();
        complete = tracker.storage().trials(study, EnumSet.of(TrialState.COMPLETE)).stream().map(t -> t.id()).toList();
        completeNumbers = tracker.storage().trials(study, EnumSet.of(TrialState.COMPLETE)).stream().map(t -> t.number()).toList();
        tracker.registry().createModel("quadratic-best", "the best quadratic");
        tracker.registry().createVersion("quadratic-best", complete.get(0), null, "", "test");
        tracker.registry().setAlias("quadratic-best", "production", 1, Change.by("test", "first model"));
        server = new DashboardServer(new TrackerDashboardData(TestTrackers.ports(tracker)), 0).start();
        browser = new Browser(1400, 1400);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        server.stop();
        tracker.close();
    }

    @Test
    void theStudyPageTakesInANewTrialLiveWithoutReloading() {
        long study = tracker.storage().findStudy(SampleStudies.PARETO).orElseThrow().id();
        browser.open("http://127.0.0.1:" + server.port() + "/study.html?id=" + study);
        browser.waitFor("return document.getElementById('trial-count').textContent === '30 trials'");
        browser.js("window.__sameDocument = true");
        Study pareto = Study.builder(SampleStudies.PARETO).storage(tracker.storage())
                .directions(Direction.MINIMIZE, Direction.MINIMIZE).load();
        Trial trial = pareto.ask();
        pareto.tell(trial.number(), TrialState.COMPLETE, trial.suggestFloat("a", 0, 1), trial.suggestFloat("noise", 0, 0.2));
        browser.waitFor("return document.getElementById('trial-count').textContent === '31 trials'");
        browser.waitFor("return echarts.getInstanceByDom(document.getElementById('pareto')).getOption().series"
                + ".reduce((n, s) => n + s.data.length, 0) === 31");
        assertThat(browser.js("return window.__sameDocument === true")).isEqualTo(true);
        browser.screenshot("study-pareto-live");
    }

    @Test
    void promotingATrialMovesTheAliasAndTheAuditTrailShowsIt() {
        browser.open("http://127.0.0.1:" + server.port() + "/models.html");
        assertThat(browser.driver().findElement(By.cssSelector("#aliases [data-alias=production]")).getText())
                .isEqualTo("production → v1");
        WebElement form = browser.driver().findElement(By.id("promote-form"));
        // the trial as the study pages show it: its number, in the study of the latest version (chosen at first)
        form.findElement(By.name("source")).sendKeys("#" + completeNumbers.get(3));
        form.findElement(By.name("fromTrial")).click();
        assertThat(new org.openqa.selenium.support.ui.Select(form.findElement(By.name("study"))).getFirstSelectedOption().getText())
                .isEqualTo(SampleStudies.QUADRATIC);
        form.findElement(By.name("reason")).sendKeys("lower loss");
        form.findElement(By.tagName("button")).click();
        browser.waitFor("return !!document.querySelector('#aliases [data-alias=production]')"
                + " && document.querySelector('#aliases [data-alias=production]').textContent === 'production → v2'");
        assertThat(browser.driver().findElement(By.id("promote-result")).getText()).isEqualTo("production now points at version 2");
        assertThat(browser.driver().findElement(By.id("models")).getText()).contains("production → v2");
        assertThat(browser.driver().findElement(By.cssSelector("#versions tbody tr:first-child")).getText())
                .startsWith("v2 " + SampleStudies.QUADRATIC + " #" + completeNumbers.get(3) + " ");
        List<String> latest = browser.driver().findElements(By.cssSelector("#audit tbody tr:first-child td")).stream()
                .map(WebElement::getText).toList();
        assertThat(latest.subList(1, 4)).containsExactly("production", "v1", "v2");
        assertThat(latest.get(5)).isEqualTo("lower loss");
        browser.screenshot("models-promoted");

        WebElement again = browser.driver().findElement(By.id("promote-form"));
        again.findElement(By.name("source")).sendKeys("3a");
        again.findElement(By.name("fromTrial")).click();
        again.findElement(By.tagName("button")).click();
        browser.waitFor("return !!document.querySelector('#model-detail .error')");
        assertThat(browser.driver().findElement(By.cssSelector("#model-detail .error")).getText())
                .isEqualTo("400: trialNumber must be a whole number, got \"3a\"");
    }
    @Test
    void aDeletedModelsPageSaysWhenAndByWhomItWasDeletedAndShowsItsAuditTrail() {
        tracker.registry().createModel("retired", "");
        tracker.registry().createVersion("retired", complete.get(1), null, "", "test");
        tracker.registry().setAlias("retired", "staging", 1, Change.by("test", "first try"));
        tracker.registry().deleteModel("retired", Change.by("ana", "replaced by quadratic-best"));

        browser.open("http://127.0.0.1:" + server.port() + "/models.html?model=retired");

        browser.waitFor("return !!document.querySelector('#model-deleted')");
        assertThat(browser.driver().findElement(By.id("model-deleted")).getText()).startsWith("retired deleted\nDeleted ")
                .contains(" by ana").contains(": replaced by quadratic-best");
        List<String> subjects = browser.driver().findElements(By.cssSelector("#audit tbody tr td:nth-child(2)")).stream()
                .map(WebElement::getText).toList();
        assertThat(subjects).containsExactly("(model deleted)", "(version deleted)", "staging", "staging");
        assertThat(browser.driver().findElements(By.cssSelector("#model-detail .error"))).isEmpty();
    }

    @Test
    void aRefusingEvaluationGateShowsItsVerdictAndLeavesTheAliasWhereItWas() {
        tracker.registry().createModel("gated", "behind an evaluation gate");
        tracker.registry().createVersion("gated", complete.get(0), null, "", "test");
        tracker.registry().setAlias("gated", "production", 1, Change.by("test", "first model"));
        Promoter gate = (request, trial) -> {
            int version = tracker.registry().createVersion(request.model(), trial.trial().id(), null, request.reason(),
                    request.actor()).version();
            return new PromoteResult(false, tracker.registry().version(request.model(), version), null,
                    new PromoteResult.GateVerdict(false, "candidate accuracy 0.71 is not better than 0.74 (McNemar p = 0.31)"));
        };
        DashboardServer gated = new DashboardServer(new TrackerDashboardData(TestTrackers.ports(tracker), gate), 0).start();
        try {
            browser.open("http://127.0.0.1:" + gated.port() + "/models.html?model=gated");
            browser.waitFor("return !!document.getElementById('promote-form')"
                    + " && document.querySelector('#model-detail h2').textContent === 'gated'");
            WebElement form = browser.driver().findElement(By.id("promote-form"));
            form.findElement(By.name("source")).sendKeys(String.valueOf(completeNumbers.get(1)));
            form.findElement(By.name("fromTrial")).click();
            form.findElement(By.tagName("button")).click();
            browser.waitFor("return !!document.getElementById('promote-result')");

            assertThat(browser.driver().findElement(By.id("model-detail")).getText())
                    .contains("Evaluation gate: refused — candidate accuracy 0.71 is not better than 0.74 (McNemar p = 0.31)");
            assertThat(browser.driver().findElement(By.id("promote-result")).getText())
                    .isEqualTo("registered version 2; production did not move");
            assertThat(browser.driver().findElement(By.cssSelector("#aliases [data-alias=production]")).getText())
                    .isEqualTo("production → v1");
            assertThat(browser.driver().findElement(By.id("versions")).getText()).contains("v2");
            browser.screenshot("models-gate-refused");
        } finally {
            gated.stop();
        }
    }

    @Test
    void aModelsPageOpenedWhileTheDatabaseIsDownShowsItsModelsOnceItIsBack() {
        withStoppableDatabase((db, url) -> DatabaseOutageBrowserIT.opensDuringAnOutageAndShowsItsDataOnceBack(browser, db, url,
                MODEL_SHOWN));
    }

    @Test
    void aModelsPageThatMetAnOutageReadsItsModelAgainOnceTheDatabaseIsBack() {
        withStoppableDatabase((db, url) -> {
            browser.open(url);
            browser.waitFor(MODEL_SHOWN);

            db.down = true;
            browser.driver().findElement(By.linkText("quadratic-best")).click();
            browser.waitFor(DatabaseOutageBrowserIT.BANNER);
            db.down = false;
            browser.waitFor(DatabaseOutageBrowserIT.NO_BANNER);

            browser.waitFor(MODEL_SHOWN);
        });
    }

    /** Runs {@code test} with the models page's address on a dashboard over this tracker whose database can be stopped. */
    private static void withStoppableDatabase(java.util.function.BiConsumer<OutageData, String> test) {
        OutageData db = new OutageData(new TrackerDashboardData(TestTrackers.ports(tracker)));
        DashboardServer stoppable = new DashboardServer(db.data(), 0).start();
        try {
            test.accept(db, "http://127.0.0.1:" + stoppable.port() + "/models.html");
        } finally {
            stoppable.stop();
        }
    }
}
