package io.tunelab.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.dashboard.SampleStudies;
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
 * The scalars page shows a card per tag the matching runs logged, draws every selected run that has the card's tag,
 * names the selected runs it could not draw, and says why a card or the page is empty.
 */
@org.junit.jupiter.api.Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
class ScalarsTagsBrowserIT {
    private static final String CHART = "echarts.getInstanceByDom(document.querySelector('.scalar-card .chart')).getOption()";
    private static DashboardSession session;
    private static Browser browser;

    @BeforeAll
    static void start() {
        InMemoryStorage storage = new InMemoryStorage();
        long live = storage.createStudy("live study", List.of(Direction.MINIMIZE)).id();
        long other = storage.createStudy("other", List.of(Direction.MINIMIZE)).id();
        long quiet = storage.createStudy("quiet", List.of(Direction.MINIMIZE)).id();
        long first = storage.createRunningTrial(live).id();
        long second = storage.createRunningTrial(live).id();
        long third = storage.createRunningTrial(live).id();
        log(storage, first, "val_loss", 1500);
        log(storage, first, "train_loss", 20);
        log(storage, second, "val_loss", 20);
        log(storage, second, "train_loss", 20);
        log(storage, third, "train_loss", 20);
        SampleStudies.logLoss(storage, storage.createRunningTrial(other).id(), 0, 9, 1.0);
        storage.createRunningTrial(quiet);
        session = DashboardSession.over(storage);
        browser = session.browser();
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    private static void log(InMemoryStorage storage, long trial, String name, int points) {
        List<MetricPoint> out = new ArrayList<>();
        for (int step = 0; step < points; step++) {
            out.add(new MetricPoint(name, step, 1.0 / (step + 1), Instant.ofEpochMilli(1000L * step)));
        }
        storage.logMetrics(trial, out);
    }

    private static String url(String path) {
        return session.url(path);
    }

    private static Object legend() {
        return browser.js("return " + CHART + ".legend[0].data");
    }

    private static String text(String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    private static String cardText(String tag, String part) {
        return browser.driver().findElement(By.cssSelector(".scalar-card[data-tag='" + tag + "'] ." + part)).getText();
    }

    @Test
    void eachTagOfTheMatchingRunsHasACardOverlayingTheSelectedRunsThatLoggedIt() {
        browser.open(url("/scalars.html?regex=%5Elive%20study%20%23"));
        assertThat(browser.js("return [...document.querySelectorAll('.scalar-card')].map(c => c.dataset.tag)"))
                .isEqualTo(List.of("train_loss", "val_loss"));
        assertThat(legend()).isEqualTo(List.of("live study #0", "live study #1", "live study #2"));
        assertThat(text("scalars-empty")).isEmpty();
        assertThat(cardText("train_loss", "card-missing")).isEmpty();
        assertThat(cardText("val_loss", "card-missing")).isEqualTo("not drawn: 1 selected run without val_loss (live study #2)");
    }

    @Test
    void aTagFilterLeavesTheCardsOfTheTagsItMatchesAndTheSelectedRunsWithoutOneAreNamedNotDrawn() {
        browser.open(url("/scalars.html?regex=%5Elive%20study%20%23"));
        browser.driver().findElement(By.id("tag-filter")).sendKeys("^val");
        browser.waitFor("return document.querySelectorAll('.scalar-card').length === 1 && " + CHART + ".legend[0].data.length === 2");
        assertThat(legend()).isEqualTo(List.of("live study #0", "live study #1"));
        assertThat(cardText("val_loss", "card-missing")).isEqualTo("not drawn: 1 selected run without val_loss (live study #2)");
        assertThat(cardText("val_loss", "card-note")).startsWith("1 run downsampled to ").contains("of up to 1500 points");
        browser.screenshot("scalars-tags");

        browser.driver().findElement(By.cssSelector("#runs input[value]:checked")).click();
        browser.driver().findElement(By.cssSelector("#runs input[value]:checked")).click();
        browser.waitFor("return document.getElementById('scalars-empty').textContent !== ''");
        assertThat(text("scalars-empty")).isEqualTo("no run in the selection logged val_loss");
        assertThat(cardText("val_loss", "card-empty")).isEqualTo("no run in the selection logged val_loss");

        browser.driver().findElement(By.id("tag-filter")).sendKeys("zzz");
        browser.waitFor("return document.getElementById('scalars-empty').textContent.startsWith('no tag')");
        assertThat(text("scalars-empty")).isEqualTo("no tag matches \"^valzzz\"");
    }

    @Test
    void anEmptyChartSaysWhetherNoRunMatchesOrNoneLoggedAScalar() {
        browser.open(url("/scalars.html?regex=nothing-like-it"));
        assertThat(text("scalars-empty")).isEqualTo("no run matches \"nothing-like-it\"");
        browser.open(url("/scalars.html?regex=quiet"));
        assertThat(text("scalars-empty")).startsWith("no scalars logged yet");
    }
}
