package io.tunelab.dashboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.dashboard.SampleStudies;
import io.tunelab.dashboard.data.StorageDashboardData;
import io.tunelab.dashboard.server.DashboardServer;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.trial.Direction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A live page opened with {@code ?live=0} can be captured by {@code chromium --headless --virtual-time-budget=...
 * --screenshot}: it opens no event stream, a request that never ends and so never lets the headless browser's
 * virtual time run out.
 */
@org.junit.jupiter.api.Timeout(value = 5, unit = TimeUnit.MINUTES)
class HeadlessScreenshotBrowserIT {
    private static final long SECONDS = 90;
    private static DashboardServer server;
    private static long study;

    @BeforeAll
    static void start() {
        if (!Files.isExecutable(Path.of(Browser.CHROMIUM))) {
            throw new IllegalStateException("this test runs Debian's chromium at " + Browser.CHROMIUM + " (apt-get install chromium)");
        }
        InMemoryStorage storage = new InMemoryStorage();
        study = storage.createStudy("shot", List.of(Direction.MINIMIZE)).id();
        long running = storage.createRunningTrial(study).id();
        SampleStudies.logLoss(storage, running, 0, 9, 2.0);
        server = new DashboardServer(new StorageDashboardData(storage, 0), 0).start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/study.html?id=%d&live=0", "/scalars.html?regex=shot&live=0"})
    void aLivePageWithLiveOffIsCapturedByAHeadlessScreenshot(String page, @TempDir Path dir) throws Exception {
        Path png = dir.resolve("page.png");
        Process chromium = new ProcessBuilder(Browser.CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + dir.resolve("profile"),
                "--window-size=1400,1000", "--virtual-time-budget=5000", "--screenshot=" + png,
                "http://127.0.0.1:" + server.port() + page.formatted(study))
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        boolean exited = chromium.waitFor(SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly().waitFor();
        }
        assertThat(exited).as("chromium took its screenshot within %d s; its log: %s", SECONDS, log(dir)).isTrue();
        assertThat(chromium.exitValue()).as("chromium's exit code; its log: %s", log(dir)).isZero();
        assertThat(Files.size(png)).as("the screenshot's bytes").isGreaterThan(1000);
    }

    private static String log(Path dir) throws IOException {
        Path log = dir.resolve("chromium.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }
}
