package io.tunelab.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.Study;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The study page follows the study as it changes: its user attributes too, as Optuna's dashboard shows them. */
@org.junit.jupiter.api.Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class StudyLiveBrowserIT {

    @Test
    void userAttributesSetWhileThePageIsOpenAppearAndChangeWithoutAReload() {
        InMemoryStorage storage = new InMemoryStorage();
        Study study = Study.builder("attrs").storage(storage).seed(1).create();
        study.tell(study.ask(), 1.0);
        try (DashboardSession session = DashboardSession.over(storage)) {
            Browser browser = session.browser();
            browser.open(session.url("/study.html?id=" + study.studyId()));
            browser.js("window.notReloaded = true");
            assertThat(browser.driver().findElement(By.id("study-user-attrs")).isDisplayed()).isFalse();

            study.setUserAttr("owner", "ana");
            browser.waitFor("return document.getElementById('study-user-attrs').innerText.includes('\"owner\": \"ana\"')");

            study.setUserAttr("owner", "bo");
            study.tell(study.ask(), 0.5);
            browser.waitFor("return document.getElementById('study-user-attrs').innerText.includes('\"owner\": \"bo\"')");
            assertThat(browser.js("return window.notReloaded === true")).isEqualTo(true);
        }
    }
}
